-- One row per interview x rated touchpoint. A null rating means "not applicable" and yields no row.
-- Incremental like every per-interview table (macros/incremental_interviews.sql).

{{
    config(
        materialized='incremental',
        unique_key='submission_id',
        incremental_strategy='delete+insert',
        post_hook=["{{ fieldvoice.refresh_statistics(this) }}", "{{ fieldvoice.prune_superseded_versions() }}"],
    )
}}

{%- set touchpoints = ['network', 'data', 'price', 'mobile_money', 'customer_care', 'shop'] %}

with

interviews as (

    {{ fieldvoice.current_interview_versions() }}

),

touchpoints as (

    select 'network' as touchpoint
    union all
    select 'data'
    union all
    select 'price'
    union all
    select 'mobile_money'
    union all
    select 'customer_care'
    union all
    select 'shop'

),

-- one pass over the interviews (a union of six selects would scan them six times)
unpivoted as (

    select
        interviews.submission_id,
        touchpoints.touchpoint,
        case touchpoints.touchpoint
            {%- for touchpoint in touchpoints %}
                when '{{ touchpoint }}' then interviews.rating_{{ touchpoint }}
            {%- endfor %}
        end as rating,
        interviews.country_code,
        interviews.locality,
        interviews.customer_segment,
        interviews.journey_stage,
        interviews.interview_date,
        interviews.nps,
        interviews.partition_date,
        interviews.version_key

    from interviews
    cross join touchpoints

)

select * from unpivoted
where rating is not null
