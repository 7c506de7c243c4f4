-- NPS, CSAT and CES counts per day x country x locality x segment x journey stage. The counts and sums are
-- additive: the agg_scores_by_* marts roll them up and recompute NPS and its interval from the sums (an NPS
-- or a mean cannot be averaged across groups).
-- Field-work QA (fieldqa): interviews with weight 0 are left out; NPS is weighted by qa_weight (a downweighted
-- interview counts half by default), so with no downweighted interview it is the plain NPS. Counts stay counts.

with

interviews as (

    select * from {{ ref('fct_interviews') }}
    where qa_weight > 0

),

aggregated as (

    select
        interview_date,
        country_code,
        locality_key,
        locality,
        customer_segment,
        journey_stage,
        count(*) as n_interviews,
        sum(case when nps_category = 'promoter' then 1 else 0 end) as n_promoters,
        sum(case when nps_category = 'passive' then 1 else 0 end) as n_passives,
        sum(case when nps_category = 'detractor' then 1 else 0 end) as n_detractors,
        sum(qa_weight) as weighted_interviews,
        sum(case when nps_category = 'promoter' then qa_weight else 0 end) as weighted_promoters,
        sum(case when nps_category = 'detractor' then qa_weight else 0 end) as weighted_detractors,
        count(csat) as n_csat,
        sum(csat) as csat_sum,
        count(ces) as n_ces,
        sum(ces) as ces_sum,
        sum(case when is_targeted then 1 else 0 end) as n_targeted,
        sum(case when is_walk_in then 1 else 0 end) as n_walk_in

    from interviews
    group by interview_date, country_code, locality_key, locality, customer_segment, journey_stage

),

final as (

    select
        cast(interview_date as date) as interview_date,
        cast({{ fieldvoice.week_start('interview_date') }} as date) as interview_week,
        cast(country_code as varchar) as country_code,
        cast(locality_key as varchar) as locality_key,
        cast(locality as varchar) as locality,
        cast(customer_segment as varchar) as customer_segment,
        cast(journey_stage as varchar) as journey_stage,
        cast(n_interviews as bigint) as n_interviews,
        cast(n_promoters as bigint) as n_promoters,
        cast(n_passives as bigint) as n_passives,
        cast(n_detractors as bigint) as n_detractors,
        cast(weighted_interviews as double precision) as weighted_interviews,
        cast(weighted_promoters as double precision) as weighted_promoters,
        cast(weighted_detractors as double precision) as weighted_detractors,
        {{ fieldvoice.nps_measures('weighted_interviews', 'weighted_promoters', 'weighted_detractors') }},
        cast(n_csat as bigint) as n_csat,
        cast(csat_sum as bigint) as csat_sum,
        {{ fieldvoice.safe_ratio('csat_sum', 'n_csat', 6, 3) }} as csat_mean,
        cast(n_ces as bigint) as n_ces,
        cast(ces_sum as bigint) as ces_sum,
        {{ fieldvoice.safe_ratio('ces_sum', 'n_ces', 6, 3) }} as ces_mean,
        cast(n_targeted as bigint) as n_targeted,
        cast(n_walk_in as bigint) as n_walk_in

    from aggregated

)

select * from final
