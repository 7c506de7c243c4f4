-- One row per locality: the reference list, plus any locality that interviews name but the reference lacks
-- (is_in_reference = false), so that every fct_interviews.locality_key resolves here.

with

localities as (

    select * from {{ ref('stg_localities') }}

),

interviews as (

    select * from {{ ref('fct_interviews') }}

),

interview_stats as (

    select
        locality_key,
        min(country_code) as country_code,
        min(locality) as locality,
        count(*) as n_interviews,
        min(interview_date) as first_interview_date,
        max(interview_date) as last_interview_date

    from interviews
    group by locality_key

),

reference_localities as (

    select
        locality_key,
        country_code,
        locality,
        locality_type,
        latitude,
        longitude,
        true as is_in_reference

    from localities

),

unknown_localities as (

    select
        interview_stats.locality_key,
        interview_stats.country_code,
        interview_stats.locality,
        cast(null as varchar) as locality_type,
        cast(null as double precision) as latitude,
        cast(null as double precision) as longitude,
        false as is_in_reference

    from interview_stats
    where interview_stats.locality_key not in (select localities.locality_key from localities)

),

unioned as (

    select * from reference_localities
    union all
    select * from unknown_localities

),

final as (

    select
        cast(unioned.locality_key as varchar) as locality_key,
        cast(unioned.country_code as varchar) as country_code,
        cast(unioned.locality as varchar) as locality,
        cast(unioned.locality_type as varchar) as locality_type,
        cast(unioned.latitude as double precision) as latitude,
        cast(unioned.longitude as double precision) as longitude,
        unioned.is_in_reference,
        cast(coalesce(interview_stats.n_interviews, 0) as bigint) as n_interviews,
        cast(interview_stats.first_interview_date as date) as first_interview_date,
        cast(interview_stats.last_interview_date as date) as last_interview_date

    from unioned
    left join interview_stats
        on unioned.locality_key = interview_stats.locality_key

)

select * from final
