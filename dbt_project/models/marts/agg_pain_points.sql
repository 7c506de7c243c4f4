-- Pain points per code x journey stage x country: how many interviews cite the code, their share of the
-- stage's interviews in that country, and the NPS of those citing it against the NPS of all of them.

with

citations as (

    select * from {{ ref('int_pain_points_exploded') }}
    where submission_id not in {{ fieldvoice.qa_excluded_submissions() }}

),

interviews as (

    select * from {{ ref('fct_interviews') }}
    where coalesce(qa_weight, 1) > 0  -- field-work QA: excluded interviews do not count

),

overall as (

    select
        country_code,
        journey_stage,
        count(*) as n_interviews,
        sum(case when nps_category = 'promoter' then 1 else 0 end) as n_promoters,
        sum(case when nps_category = 'detractor' then 1 else 0 end) as n_detractors

    from interviews
    group by country_code, journey_stage

),

citing as (

    select
        pain_point,
        journey_stage,
        country_code,
        count(*) as n_citing,
        sum(case when nps >= 9 then 1 else 0 end) as n_citing_promoters,
        sum(case when nps <= 6 then 1 else 0 end) as n_citing_detractors

    from citations
    group by pain_point, journey_stage, country_code

),

joined as (

    select
        citing.pain_point,
        citing.journey_stage,
        citing.country_code,
        citing.n_citing,
        citing.n_citing_promoters,
        citing.n_citing_detractors,
        coalesce(overall.n_interviews, 0) as n_interviews,
        coalesce(overall.n_promoters, 0) as n_promoters,
        coalesce(overall.n_detractors, 0) as n_detractors

    from citing
    left join overall
        on
            citing.country_code = overall.country_code
            and citing.journey_stage = overall.journey_stage

),

measured as (

    select
        *,
        {{ fieldvoice.nps_measures('n_citing', 'n_citing_promoters', 'n_citing_detractors', prefix='nps_citing') }},
        {{ fieldvoice.nps_measures('n_interviews', 'n_promoters', 'n_detractors', prefix='nps_overall') }}

    from joined

),

final as (

    select
        cast(pain_point as varchar) as pain_point,
        cast(journey_stage as varchar) as journey_stage,
        cast(country_code as varchar) as country_code,
        cast(n_citing as bigint) as n_citing,
        cast(n_interviews as bigint) as n_interviews,
        {{ fieldvoice.safe_ratio('n_citing', 'n_interviews') }} as share_of_interviews,
        nps_citing,
        nps_citing_ci_low,
        nps_citing_ci_high,
        nps_overall,
        cast(nps_citing - nps_overall as numeric(7, 2)) as nps_gap

    from measured

)

select * from final
