-- One row per interview x free-text field (verbatim, suggestion) with text, for interviews with consent.
-- The text was PII-redacted upstream by the one Python redaction implementation (placeholders such as
-- [PHONE], [NAME], [EMAIL]); dbt never sees raw text and does not redact again.
-- Incremental like every per-interview table (macros/incremental_interviews.sql): as a view, every
-- fct_verbatims run would re-join all versions of the history to find the few it needs.

{{
    config(
        materialized='incremental',
        unique_key='submission_id',
        incremental_strategy='delete+insert',
        post_hook=["{{ fieldvoice.refresh_statistics(this) }}", "{{ fieldvoice.prune_superseded_versions() }}"],
    )
}}

{%- set fields = ['verbatim', 'suggestion'] %}

with

interviews as (

    {{ fieldvoice.current_interview_versions() }}

),

fields as (

    select 'verbatim' as text_field
    union all
    select 'suggestion'

),

unpivoted as (

    select
        interviews.submission_id,
        fields.text_field,
        trim(
            case fields.text_field
                {%- for field in fields %}
                    when '{{ field }}' then interviews.{{ field }}
                {%- endfor %}
            end
        ) as text,
        interviews.language,
        interviews.country_code,
        interviews.locality,
        interviews.customer_segment,
        interviews.journey_stage,
        interviews.nps,
        interviews.interview_date,
        interviews.partition_date,
        interviews.version_key

    from interviews
    cross join fields
    where interviews.consent

),

non_empty as (

    select
        submission_id || ':' || text_field as verbatim_id,
        *

    from unpivoted
    where text is not null and text <> ''

)

select * from non_empty
