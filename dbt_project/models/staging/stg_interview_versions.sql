-- One row per exported version of an interview (validated.interviews holds one row per version and landing
-- day), renamed, with PII and free text gated on consent. stg_interviews keeps the latest version of each.

with

source as (

    select * from {{ source('validated', 'interviews') }}

),

renamed as (

    select

        ----------  ids
        submission_id,
        collaborator_id,
        nullif(trim(customer_ref), '') as customer_ref,
        device_id,
        app_version,

        ---------- where
        country_code,
        locality,
        latitude,
        longitude,

        ---------- who and what
        customer_segment,
        products,
        journey_stage,

        ---------- scores
        nps,
        csat,
        ces,
        rating_network,
        rating_data,
        rating_price,
        rating_mobile_money,
        rating_customer_care,
        rating_shop,
        nullif(trim(pain_points), '') as pain_points,

        ---------- consent-gated fields: null upstream without consent; gated again so that no later
        ---------- change upstream can leak them
        consent,
        case when consent then customer_name end as customer_name,
        case when consent then customer_msisdn end as customer_msisdn,
        -- already PII-redacted upstream ([PHONE], [NAME], [EMAIL]) by the one Python redaction implementation
        case when consent then verbatim end as verbatim,
        case when consent then suggestion end as suggestion,
        -- the recorded language is often wrong or empty: trust detection first
        coalesce(nullif(trim(language_detected), ''), nullif(trim(language_recorded), '')) as language,
        language_recorded,
        language_detected,
        callback_requested,

        ---------- timestamps
        submitted_at,
        interview_start,
        interview_end,
        {{ fieldvoice.utc_date('coalesce(interview_start, submitted_at)') }} as interview_date,

        ---------- lineage of the version
        -- identifies the version row (the columns the per-interview tables join on); ingested_at makes a
        -- re-ingested or corrected file a new version even at the same file and line. It enters as integer
        -- epoch microseconds: a timestamp's text depends on the session time zone, and keys built in runs with
        -- different time zones, or on different engines, must still match.
        {{ fieldvoice.surrogate_key(
            ['submission_id', 'partition_date', 'source_file', 'source_line',
             fieldvoice.epoch_microseconds('ingested_at')]
        ) }} as version_key,
        partition_date,
        source_file,
        source_line,
        file_sha256,
        ingested_at

    from source

)

select * from renamed
