-- One row per interview: the latest exported version of each submission_id (rules in
-- macros/latest_versions.sql). A submission re-exported on a later day appears again in a later partition of
-- validated.interviews; the version with the latest submitted_at wins, ties going to the later ingestion.

with

versions as (

    select * from {{ ref('stg_interview_versions') }}

),

latest as (

    {{ fieldvoice.latest_versions('versions') }}

)

select * from latest
