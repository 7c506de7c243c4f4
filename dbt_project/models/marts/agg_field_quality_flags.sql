-- Why interviews were flagged: per country x flag x final QA status, the interviews (current versions) that
-- carry the flag. One interview with two flags counts under each.

with

flags as (

    select * from {{ source('fieldqa', 'interview_flags') }}

),

interviews as (

    select * from {{ ref('fct_interviews') }}

),

current_flags as (

    -- Only the flags of each interview's winning version (a re-export is assessed again).
    select distinct
        interviews.country_code,
        flags.flag,
        interviews.qa_status,
        interviews.submission_id

    from flags
    inner join interviews
        on
            flags.submission_id = interviews.submission_id
            and flags.partition_date = interviews.partition_date

),

final as (

    select
        cast(country_code as varchar) as country_code,
        cast(flag as varchar) as flag,
        cast(qa_status as varchar) as qa_status,
        cast(count(*) as bigint) as n_interviews

    from current_flags
    group by country_code, flag, qa_status

)

select * from final
