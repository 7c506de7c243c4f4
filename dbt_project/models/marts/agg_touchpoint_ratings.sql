-- Touchpoint ratings per country x journey stage x touchpoint: how often the touchpoint applied, its mean
-- rating and its top-2 / bottom-2 box shares.

with

ratings as (

    select * from {{ ref('int_interview_scores_unpivoted') }}
    where submission_id not in {{ fieldvoice.qa_excluded_submissions() }}

),

interviews as (

    select * from {{ ref('fct_interviews') }}
    where coalesce(qa_weight, 1) > 0  -- field-work QA: excluded interviews do not count

),

group_sizes as (

    select
        country_code,
        journey_stage,
        count(*) as n_interviews

    from interviews
    group by country_code, journey_stage

),

aggregated as (

    select
        country_code,
        journey_stage,
        touchpoint,
        count(*) as n_ratings,
        sum(rating) as rating_sum,
        sum(case when rating >= 4 then 1 else 0 end) as n_top2,
        sum(case when rating <= 2 then 1 else 0 end) as n_bottom2

    from ratings
    group by country_code, journey_stage, touchpoint

),

final as (

    select
        cast(aggregated.country_code as varchar) as country_code,
        cast(aggregated.journey_stage as varchar) as journey_stage,
        cast(aggregated.touchpoint as varchar) as touchpoint,
        cast(coalesce(group_sizes.n_interviews, 0) as bigint) as n_interviews,
        cast(aggregated.n_ratings as bigint) as n_ratings,
        {{ fieldvoice.safe_ratio('aggregated.n_ratings', 'group_sizes.n_interviews') }} as rated_share,
        {{ fieldvoice.safe_ratio('aggregated.rating_sum', 'aggregated.n_ratings', 6, 3) }} as rating_mean,
        cast(aggregated.n_top2 as bigint) as n_top2,
        {{ fieldvoice.safe_ratio('aggregated.n_top2', 'aggregated.n_ratings') }} as top2_share,
        cast(aggregated.n_bottom2 as bigint) as n_bottom2,
        {{ fieldvoice.safe_ratio('aggregated.n_bottom2', 'aggregated.n_ratings') }} as bottom2_share

    from aggregated
    left join group_sizes
        on
            aggregated.country_code = group_sizes.country_code
            and aggregated.journey_stage = group_sizes.journey_stage

)

select * from final
