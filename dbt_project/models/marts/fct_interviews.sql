-- One row per interview (latest version), pseudonymised: no names, phone numbers, free text, GPS points or
-- raw collaborator/customer ids. Every interview is here, flagged or not, with its field-work QA weight:
-- the score, pain-point, rating and verbatim marts leave out weight 0 and weigh NPS by it.
--
-- Incremental over the partition window [min_date, max_date) (macros/partition_window.sql). A run re-derives
-- every submission the window can have changed, ranking all versions of just those submissions
-- (macros/latest_versions.sql, the rules of stg_interviews) instead of the whole history:
--   * submissions with a version landing in the window;
--   * submissions whose current row came from the window (that version may have been withdrawn by a
--     re-ingestion, letting an older version win again).
-- delete+insert on submission_id then replaces those rows, and the post-hook removes rows of the window whose
-- submission no longer exists at all (NOT EXISTS, not NOT IN: on PostgreSQL a NOT IN list larger than work_mem
-- is compared row by row; at 1,000,000 interviews that delete ran for more than 11 minutes). Running each
-- changed partition once thus equals a full refresh, whatever the order of the runs. The per-interview child
-- tables mirror this table (macros/incremental_interviews.sql).

{{
    config(
        materialized='incremental',
        unique_key='submission_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        post_hook=[
            "{{ fieldvoice.refresh_statistics(this) }}",
            "delete from {{ this }} as current_rows
             where {{ fieldvoice.in_partition_window('current_rows.partition_date') }}
               and not exists (
                   select 1 from {{ ref('stg_interview_versions') }} as versions
                   where versions.submission_id = current_rows.submission_id
               )"
        ],
    )
}}

-- depends_on: {{ ref('stg_interview_versions') }}

{%- set changed_versions %}
    (
        select * from {{ ref('stg_interview_versions') }}
        where submission_id in (
            select landed.submission_id from {{ ref('stg_interview_versions') }} as landed
            where {{ fieldvoice.in_partition_window('landed.partition_date') }}
            union
            select current_rows.submission_id from {{ this }} as current_rows
            where {{ fieldvoice.in_partition_window('current_rows.partition_date') }}
        )
    ) as changed_versions
{%- endset %}

with

interviews as (

    {%- if is_incremental() %}
        {{ fieldvoice.latest_versions(changed_versions) }}
    {%- else %}
        select * from {{ ref('stg_interviews') }}
    {%- endif %}

),

targets as (

    select * from {{ ref('stg_targets') }}

),

quality as (

    select
        submission_id,
        partition_date,
        weight as qa_weight,
        status as qa_status,
        flags as qa_flags,
        decided_by as qa_decided_by

    from {{ source('fieldqa', 'interview_quality') }}

),

joined as (

    select
        interviews.*,
        quality.qa_weight,
        quality.qa_status,
        quality.qa_flags,
        quality.qa_decided_by,
        targets.customer_ref is not null as is_targeted,
        targets.target_priority,
        (
            {{ fieldvoice.epoch_seconds('interviews.interview_end') }}
            - {{ fieldvoice.epoch_seconds('interviews.interview_start') }}
        ) / 60.0 as duration_minutes_raw

    from interviews
    left join targets
        on interviews.customer_ref = targets.customer_ref
    -- QA is decided per version (a re-export is assessed again on the day it lands).
    left join quality
        on interviews.submission_id = quality.submission_id
        and interviews.partition_date = quality.partition_date

),

final as (

    select

        ----------  ids and keys
        cast(submission_id as varchar) as submission_id,
        cast({{ fieldvoice.pseudonymise('collaborator_id') }} as varchar) as collaborator_key,
        cast({{ fieldvoice.pseudonymise('customer_ref') }} as varchar) as customer_key,
        cast({{ fieldvoice.surrogate_key(['country_code', 'locality']) }} as varchar) as locality_key,

        ---------- when
        cast(interview_date as date) as interview_date,
        cast({{ fieldvoice.week_start('interview_date') }} as date) as interview_week,
        cast(submitted_at as timestamp with time zone) as submitted_at,
        cast(interview_start as timestamp with time zone) as interview_start,
        cast(interview_end as timestamp with time zone) as interview_end,
        {{ fieldvoice.to_numeric('duration_minutes_raw', 9, 2) }} as duration_minutes,
        coalesce(duration_minutes_raw > {{ var('suspicious_duration_minutes') }}, false) as is_duration_suspicious,

        ---------- where
        cast(country_code as varchar) as country_code,
        cast(locality as varchar) as locality,

        ---------- who
        cast(customer_segment as varchar) as customer_segment,
        cast(products as varchar) as products,
        cast(journey_stage as varchar) as journey_stage,
        coalesce(is_targeted, false) as is_targeted,
        customer_ref is null as is_walk_in,
        cast(target_priority as varchar) as target_priority,

        ---------- scores
        cast(nps as integer) as nps,
        cast({{ fieldvoice.nps_category('nps') }} as varchar) as nps_category,
        cast(csat as integer) as csat,
        cast(ces as integer) as ces,
        cast(rating_network as integer) as rating_network,
        cast(rating_data as integer) as rating_data,
        cast(rating_price as integer) as rating_price,
        cast(rating_mobile_money as integer) as rating_mobile_money,
        cast(rating_customer_care as integer) as rating_customer_care,
        cast(rating_shop as integer) as rating_shop,
        cast(pain_points as varchar) as pain_points,

        ---------- closed loop and consent
        coalesce(callback_requested, false) as callback_requested,
        consent,
        coalesce(
            consent and (coalesce(trim(verbatim), '') <> '' or coalesce(trim(suggestion), '') <> ''),
            false
        ) as has_free_text,
        cast(language as varchar) as language,

        ---------- field-work quality (fieldqa): flagged interviews stay here; score marts use the weight
        cast(coalesce(qa_weight, 1) as double precision) as qa_weight,
        cast(coalesce(qa_status, 'unassessed') as varchar) as qa_status,
        cast(coalesce(qa_flags, '') as varchar) as qa_flags,
        cast(coalesce(qa_decided_by, 'none') as varchar) as qa_decided_by,

        ---------- lineage
        cast(version_key as varchar) as version_key,
        cast(partition_date as date) as partition_date,
        cast(version_count as integer) as version_count,
        cast(source_file as varchar) as source_file,
        cast(source_line as integer) as source_line,
        cast(file_sha256 as varchar) as file_sha256,
        cast(ingested_at as timestamp with time zone) as ingested_at,
        cast(app_version as varchar) as app_version

    from joined

)

select * from final
