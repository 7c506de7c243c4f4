-- One row per interview x pain-point code cited. The space-separated multi-select is split with
-- split_part against a small integer spine (portable: no unnest/regexp_split_to_table); a code cited
-- twice counts once. The singular test assert_pain_point_spine_covers_all_codes guards the spine size.
-- Incremental like every per-interview table (macros/incremental_interviews.sql).

{{
    config(
        materialized='incremental',
        unique_key='submission_id',
        incremental_strategy='delete+insert',
        post_hook=["{{ fieldvoice.refresh_statistics(this) }}", "{{ fieldvoice.prune_superseded_versions() }}"],
    )
}}

{%- set max_codes = 32 %}

with

versions as (

    {{ fieldvoice.current_interview_versions() }}

),

interviews as (

    select
        submission_id,
        pain_points,
        -- tokens = separators + 1; runs of spaces only add empty tokens, dropped below
        {{ dbt.length('pain_points') }} - {{ dbt.length(dbt.replace('pain_points', "' '", "''")) }} + 1
            as token_count,
        country_code,
        locality,
        customer_segment,
        journey_stage,
        interview_date,
        nps,
        partition_date,
        version_key

    from versions
    where pain_points is not null

),

spine as (

    {{ fieldvoice.integer_spine(max_codes) }}

),

tokens as (

    select
        interviews.submission_id,
        -- empty past the last part and between repeated spaces: dropped below
        trim({{ fieldvoice.split_part_at('interviews.pain_points', "' '", 'spine.n') }}) as pain_point,
        interviews.country_code,
        interviews.locality,
        interviews.customer_segment,
        interviews.journey_stage,
        interviews.interview_date,
        interviews.nps,
        interviews.partition_date,
        interviews.version_key

    from interviews
    inner join spine
        on interviews.token_count >= spine.n

),

exploded as (

    select distinct
        submission_id,
        pain_point,
        country_code,
        locality,
        customer_segment,
        journey_stage,
        interview_date,
        nps,
        partition_date,
        version_key

    from tokens
    where pain_point is not null and pain_point <> ''

)

select * from exploded
