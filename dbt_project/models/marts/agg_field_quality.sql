-- How many interviews the field-work QA counted, downweighted or excluded, per day x country x status, and who
-- decided (the policy or a supervisor's review). The score marts state their basis through this table.

with

interviews as (

    select * from {{ ref('fct_interviews') }}

),

aggregated as (

    select
        interview_date,
        country_code,
        qa_status,
        qa_decided_by,
        count(*) as n_interviews,
        sum(qa_weight) as weighted_interviews

    from interviews
    group by interview_date, country_code, qa_status, qa_decided_by

),

final as (

    select
        cast(interview_date as date) as interview_date,
        cast(country_code as varchar) as country_code,
        cast(qa_status as varchar) as qa_status,
        cast(qa_decided_by as varchar) as qa_decided_by,
        cast(n_interviews as bigint) as n_interviews,
        cast(weighted_interviews as double precision) as weighted_interviews

    from aggregated

)

select * from final
