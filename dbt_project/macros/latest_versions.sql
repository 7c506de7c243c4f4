{#- The latest version of each submission among `versions` (rows of stg_interview_versions: all versions of
    the submissions wanted): the latest submitted_at wins, ties go to the later ingestion (then file and line,
    only so that the choice is deterministic). Adds version_count and the span of landing days holding a
    version. One definition for stg_interviews and for fct_interviews' incremental runs, which rank only the
    submissions a window can have changed instead of the whole history. -#}
{% macro latest_versions(versions) %}
    {%- set columns = [
        'submission_id', 'collaborator_id', 'customer_ref', 'device_id', 'app_version', 'country_code',
        'locality', 'latitude', 'longitude', 'customer_segment', 'products', 'journey_stage', 'nps', 'csat',
        'ces', 'rating_network', 'rating_data', 'rating_price', 'rating_mobile_money', 'rating_customer_care',
        'rating_shop', 'pain_points', 'consent', 'customer_name', 'customer_msisdn', 'verbatim', 'suggestion',
        'language', 'language_recorded', 'language_detected', 'callback_requested', 'submitted_at',
        'interview_start', 'interview_end', 'interview_date', 'version_key', 'partition_date',
        'version_count', 'first_partition_date', 'last_partition_date', 'source_file', 'source_line',
        'file_sha256', 'ingested_at'
    ] %}

    select
        {%- for column in columns %}
        {{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}

    from (

        select
            *,
            row_number() over (
                partition by submission_id
                order by
                    submitted_at desc nulls last,
                    ingested_at desc nulls last,
                    partition_date desc,
                    source_file desc,
                    source_line desc
            ) as version_rank,
            count(*) over (partition by submission_id) as version_count,
            min(partition_date) over (partition by submission_id) as first_partition_date,
            max(partition_date) over (partition by submission_id) as last_partition_date

        from {{ versions }}

    ) as ranked

    where version_rank = 1
{% endmacro %}
