-- Programme coverage per day, from the first to the last interview day (days without interviews included):
-- what was reached that day and cumulatively, against the plan. Only planned entities count as reached, so
-- each share stays within [0, 1]: roster collaborators, targeted customers, reference localities, programme
-- countries. Cumulative counts come from each entity's first interview day.

with

interviews as (

    select * from {{ ref('fct_interviews') }}

),

roster as (

    select collaborator_key from {{ ref('dim_collaborator') }}
    where is_in_roster

),

reference_localities as (

    select locality_key from {{ ref('dim_locality') }}
    where is_in_reference

),

countries as (

    select country_code from {{ ref('countries') }}

),

plan as (

    select
        (select count(*) from roster) as roster_size,
        (select count(*) from {{ ref('stg_targets') }}) as targets_planned,
        (select count(*) from reference_localities) as localities_total,
        (select count(*) from countries) as countries_total

),

-- one row per planned entity and day it was reached
reached as (

    select distinct
        'collaborator' as entity_type,
        interviews.collaborator_key as entity_key,
        interviews.interview_date
    from interviews
    inner join roster on interviews.collaborator_key = roster.collaborator_key

    union all

    select distinct
        'target' as entity_type,
        customer_key as entity_key,
        interview_date
    from interviews
    where is_targeted

    union all

    select distinct
        'locality' as entity_type,
        interviews.locality_key as entity_key,
        interviews.interview_date
    from interviews
    inner join reference_localities on interviews.locality_key = reference_localities.locality_key

    union all

    select distinct
        'country' as entity_type,
        interviews.country_code as entity_key,
        interviews.interview_date
    from interviews
    inner join countries on interviews.country_code = countries.country_code

),

first_reached as (

    select
        entity_type,
        entity_key,
        min(interview_date) as first_date

    from reached
    group by entity_type, entity_key

),

daily_reached as (

    select
        interview_date as coverage_date,
        sum(case when entity_type = 'collaborator' then 1 else 0 end) as active_collaborators,
        sum(case when entity_type = 'target' then 1 else 0 end) as targets_reached,
        sum(case when entity_type = 'locality' then 1 else 0 end) as localities_covered,
        sum(case when entity_type = 'country' then 1 else 0 end) as countries_covered

    from reached
    group by interview_date

),

daily_new as (

    select
        first_date as coverage_date,
        sum(case when entity_type = 'collaborator' then 1 else 0 end) as new_collaborators,
        sum(case when entity_type = 'target' then 1 else 0 end) as new_targets,
        sum(case when entity_type = 'locality' then 1 else 0 end) as new_localities,
        sum(case when entity_type = 'country' then 1 else 0 end) as new_countries

    from first_reached
    group by first_date

),

daily_interviews as (

    select
        interview_date as coverage_date,
        count(*) as n_interviews

    from interviews
    group by interview_date

),

bounds as (

    select
        min(interview_date) as first_date,
        max(interview_date) as last_date

    from interviews

),

-- a fixed-size series (no introspective query, so unit tests can run it), cut at the last interview day
day_numbers as (

    {{ dbt.generate_series(var('coverage_max_days')) }}

),

days as (

    select
        cast({{ dbt.dateadd('day', 'day_numbers.generated_number - 1', 'bounds.first_date') }} as date)
            as coverage_date

    from day_numbers
    cross join bounds
    where
        bounds.first_date is not null
        and {{ dbt.dateadd('day', 'day_numbers.generated_number - 1', 'bounds.first_date') }} <= bounds.last_date

),

joined as (

    select
        days.coverage_date,
        coalesce(daily_interviews.n_interviews, 0) as n_interviews,
        coalesce(daily_reached.active_collaborators, 0) as active_collaborators,
        coalesce(daily_reached.targets_reached, 0) as targets_reached,
        coalesce(daily_reached.localities_covered, 0) as localities_covered,
        coalesce(daily_reached.countries_covered, 0) as countries_covered,
        sum(coalesce(daily_interviews.n_interviews, 0)) over (
            order by days.coverage_date rows between unbounded preceding and current row
        ) as n_interviews_cumulative,
        sum(coalesce(daily_new.new_collaborators, 0)) over (
            order by days.coverage_date rows between unbounded preceding and current row
        ) as active_collaborators_cumulative,
        sum(coalesce(daily_new.new_targets, 0)) over (
            order by days.coverage_date rows between unbounded preceding and current row
        ) as targets_reached_cumulative,
        sum(coalesce(daily_new.new_localities, 0)) over (
            order by days.coverage_date rows between unbounded preceding and current row
        ) as localities_covered_cumulative,
        sum(coalesce(daily_new.new_countries, 0)) over (
            order by days.coverage_date rows between unbounded preceding and current row
        ) as countries_covered_cumulative

    from days
    left join daily_interviews on days.coverage_date = daily_interviews.coverage_date
    left join daily_reached on days.coverage_date = daily_reached.coverage_date
    left join daily_new on days.coverage_date = daily_new.coverage_date

),

final as (

    select
        cast(joined.coverage_date as date) as coverage_date,
        cast(joined.n_interviews as bigint) as n_interviews,
        cast(joined.n_interviews_cumulative as bigint) as n_interviews_cumulative,

        cast(joined.active_collaborators as bigint) as active_collaborators,
        cast(joined.active_collaborators_cumulative as bigint) as active_collaborators_cumulative,
        cast(plan.roster_size as bigint) as roster_size,
        {{ fieldvoice.safe_ratio('joined.active_collaborators_cumulative', 'plan.roster_size') }}
            as roster_share_cumulative,

        cast(joined.targets_reached as bigint) as targets_reached,
        cast(joined.targets_reached_cumulative as bigint) as targets_reached_cumulative,
        cast(plan.targets_planned as bigint) as targets_planned,
        {{ fieldvoice.safe_ratio('joined.targets_reached_cumulative', 'plan.targets_planned') }}
            as targets_share_cumulative,

        cast(joined.localities_covered as bigint) as localities_covered,
        cast(joined.localities_covered_cumulative as bigint) as localities_covered_cumulative,
        cast(plan.localities_total as bigint) as localities_total,
        {{ fieldvoice.safe_ratio('joined.localities_covered_cumulative', 'plan.localities_total') }}
            as localities_share_cumulative,

        cast(joined.countries_covered as bigint) as countries_covered,
        cast(joined.countries_covered_cumulative as bigint) as countries_covered_cumulative,
        cast(plan.countries_total as bigint) as countries_total,
        {{ fieldvoice.safe_ratio('joined.countries_covered_cumulative', 'plan.countries_total') }}
            as countries_share_cumulative

    from joined
    cross join plan

)

select * from final
