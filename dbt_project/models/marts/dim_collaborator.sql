-- One row per collaborator, pseudonymised: a salted hash key instead of the EMP- id, the job function and the
-- country; no id, name or home locality (function + locality can single a person out). Collaborators that
-- interviews name but the roster lacks appear with is_in_roster = false.

with

roster as (

    select
        {{ fieldvoice.pseudonymise('collaborator_id') }} as collaborator_key,
        job_function,
        country_code

    from {{ ref('stg_collaborators') }}

),

interviews as (

    select * from {{ ref('fct_interviews') }}

),

interview_stats as (

    select
        collaborator_key,
        min(country_code) as country_code,
        count(*) as n_interviews,
        min(interview_date) as first_interview_date,
        max(interview_date) as last_interview_date

    from interviews
    group by collaborator_key

),

unioned as (

    select
        collaborator_key,
        job_function,
        country_code,
        true as is_in_roster

    from roster

    union all

    select
        collaborator_key,
        cast(null as varchar) as job_function,
        country_code,
        false as is_in_roster

    from interview_stats
    where interview_stats.collaborator_key not in (select roster.collaborator_key from roster)

),

final as (

    select
        cast(unioned.collaborator_key as varchar) as collaborator_key,
        cast(unioned.job_function as varchar) as job_function,
        cast(unioned.country_code as varchar) as country_code,
        unioned.is_in_roster,
        cast(coalesce(interview_stats.n_interviews, 0) as bigint) as n_interviews,
        cast(interview_stats.first_interview_date as date) as first_interview_date,
        cast(interview_stats.last_interview_date as date) as last_interview_date

    from unioned
    left join interview_stats
        on unioned.collaborator_key = interview_stats.collaborator_key

)

select * from final
