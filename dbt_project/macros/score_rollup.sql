{#- The body of the agg_scores_by_* marts: sums fct_scores_daily over `dimensions` and recomputes NPS (with
    its 95% interval), mean CSAT and mean CES from the summed counts. NPS uses the field-work QA weights
    (weighted_*; a row without them, as in unit-test fixtures, counts each interview once). -#}
{% macro score_rollup(daily_relation, dimensions) %}

{%- set date_dimensions = ['interview_date', 'interview_week'] %}

with

daily as (

    select * from {{ daily_relation }}

),

summed as (

    select
        {%- for dimension in dimensions %}
        {{ dimension }},
        {%- endfor %}
        sum(n_interviews) as n_interviews,
        sum(n_promoters) as n_promoters,
        sum(n_passives) as n_passives,
        sum(n_detractors) as n_detractors,
        sum(coalesce(weighted_interviews, n_interviews)) as weighted_interviews,
        sum(coalesce(weighted_promoters, n_promoters)) as weighted_promoters,
        sum(coalesce(weighted_detractors, n_detractors)) as weighted_detractors,
        sum(n_csat) as n_csat,
        sum(csat_sum) as csat_sum,
        sum(n_ces) as n_ces,
        sum(ces_sum) as ces_sum,
        sum(n_targeted) as n_targeted,
        sum(n_walk_in) as n_walk_in,
        min(interview_date) as first_interview_date,
        max(interview_date) as last_interview_date

    from daily
    group by {{ dimensions | join(', ') }}

),

final as (

    select
        {%- for dimension in dimensions %}
        cast({{ dimension }} as {{ 'date' if dimension in date_dimensions else 'varchar' }}) as {{ dimension }},
        {%- endfor %}
        cast(n_interviews as bigint) as n_interviews,
        cast(n_promoters as bigint) as n_promoters,
        cast(n_passives as bigint) as n_passives,
        cast(n_detractors as bigint) as n_detractors,
        {{ fieldvoice.nps_measures('weighted_interviews', 'weighted_promoters', 'weighted_detractors') }},
        {{ fieldvoice.safe_ratio('n_promoters', 'n_interviews') }} as promoter_share,
        {{ fieldvoice.safe_ratio('n_detractors', 'n_interviews') }} as detractor_share,
        cast(n_csat as bigint) as n_csat,
        {{ fieldvoice.safe_ratio('csat_sum', 'n_csat', 6, 3) }} as csat_mean,
        cast(n_ces as bigint) as n_ces,
        {{ fieldvoice.safe_ratio('ces_sum', 'n_ces', 6, 3) }} as ces_mean,
        cast(n_targeted as bigint) as n_targeted,
        cast(n_walk_in as bigint) as n_walk_in,
        cast(first_interview_date as date) as first_interview_date,
        cast(last_interview_date as date) as last_interview_date

    from summed

)

select * from final

{% endmacro %}
