-- Free text ready for theme analysis: one row per interview x field (verbatim, suggestion), consent only,
-- already PII-redacted upstream by the one Python redaction implementation. Incremental like every
-- per-interview table (macros/incremental_interviews.sql): a re-export that drops the text, or withdraws
-- consent, removes the old rows. Interviews the field-work QA excludes (weight 0, fieldqa) are left out, and
-- removed when a later decision (a supervisor's review) excludes them; they stay in fct_interviews.

{{
    config(
        materialized='incremental',
        unique_key='submission_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook=[
            "{{ fieldvoice.refresh_statistics(this) }}",
            "{{ fieldvoice.prune_superseded_versions() }}",
            "delete from {{ this }} where submission_id in {{ fieldvoice.qa_excluded_submissions() }}",
        ],
    )
}}

-- depends_on: {{ ref('fct_interviews') }}

with

verbatims as (

    select * from {{ ref('int_verbatims') }}
    where submission_id not in {{ fieldvoice.qa_excluded_submissions() }}
    {%- if is_incremental() %}
        and {{ fieldvoice.changed_submissions_filter() }}
    {%- endif %}

),

final as (

    select
        cast(verbatim_id as varchar) as verbatim_id,
        cast(submission_id as varchar) as submission_id,
        cast(text_field as varchar) as text_field,
        cast(text as varchar) as text,
        cast(language as varchar) as language,
        cast(country_code as varchar) as country_code,
        cast(locality as varchar) as locality,
        cast(customer_segment as varchar) as customer_segment,
        cast(journey_stage as varchar) as journey_stage,
        cast(nps as integer) as nps,
        cast({{ fieldvoice.nps_category('nps') }} as varchar) as nps_category,
        cast(interview_date as date) as interview_date,
        cast({{ fieldvoice.week_start('interview_date') }} as date) as interview_week,
        cast(partition_date as date) as partition_date,
        cast(version_key as varchar) as version_key

    from verbatims

)

select * from final
