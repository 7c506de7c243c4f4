-- Closed-loop work list for each country's care team: one row per interview where the customer asked for a
-- callback, or is a detractor (NPS 0-6) who gave consent. A callback request is kept even without consent
-- (care can still act on a planned customer through customer_ref), but name, phone number and text appear
-- ONLY where consent is true. Incremental like every per-interview table (macros/incremental_interviews.sql):
-- a re-export that turns a detractor into a promoter removes the row.

{{
    config(
        materialized='incremental',
        unique_key='submission_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook=["{{ fieldvoice.refresh_statistics(this) }}", "{{ fieldvoice.prune_superseded_versions() }}"],
    )
}}

with

interviews as (

    {{ fieldvoice.current_interview_versions() }}

),

targets as (

    select * from {{ ref('stg_targets') }}

),

flagged as (

    select
        interviews.*,
        interviews.nps <= 6 as is_detractor,
        coalesce(interviews.callback_requested, false) as is_callback_request,
        targets.target_priority

    from interviews
    left join targets
        on interviews.customer_ref = targets.customer_ref

),

selected as (

    select * from flagged
    where is_callback_request or (is_detractor and consent)

),

final as (

    select
        cast(submission_id as varchar) as submission_id,
        cast(country_code as varchar) as country_code,
        cast(locality as varchar) as locality,
        cast(interview_date as date) as interview_date,
        cast(partition_date as date) as partition_date,
        cast(
            case
                when is_callback_request and is_detractor then 'callback_request_detractor'
                when is_callback_request then 'callback_request'
                else 'detractor'
            end
            as varchar
        ) as reason,
        -- high: a detractor asked to be called; medium: any other request, or a strong detractor (0-3)
        cast(
            case
                when is_callback_request and is_detractor then 'high'
                when is_callback_request or nps <= 3 then 'medium'
                else 'low'
            end
            as varchar
        ) as priority,
        cast(target_priority as varchar) as target_priority,
        cast(customer_ref as varchar) as customer_ref,
        -- PII only with consent (staging gates it too; repeated here because this mart is the one that ships it)
        cast(case when consent then customer_name end as varchar) as customer_name,
        cast(case when consent then customer_msisdn end as varchar) as customer_msisdn,
        coalesce(consent and customer_msisdn is not null, false) as is_contactable,
        consent,
        is_callback_request as callback_requested,
        cast(customer_segment as varchar) as customer_segment,
        cast(journey_stage as varchar) as journey_stage,
        cast(nps as integer) as nps,
        cast({{ fieldvoice.nps_category('nps') }} as varchar) as nps_category,
        cast(csat as integer) as csat,
        cast(pain_points as varchar) as pain_points,
        cast(case when consent then verbatim end as varchar) as verbatim,
        cast(case when consent then suggestion end as varchar) as suggestion,
        cast(language as varchar) as language,
        cast(version_key as varchar) as version_key

    from selected

)

select * from final
