{#- Incremental maintenance of the per-interview tables: fct_interviews and the tables with one or more rows
    per interview (scores, pain points, verbatims, callbacks).

    fct_interviews is the spine: for a partition window it re-derives every submission the window can have
    changed (see its SQL header). Each child table mirrors it: it is built from the very versions
    fct_interviews holds, a run replaces (delete+insert on submission_id) the submissions whose fct_interviews
    row, or own row, lies in the window, and a post-hook prunes rows of versions fct_interviews no longer
    holds - which also covers a new version that yields no row at all (a re-export without pain points, or
    withdrawing consent). -#}


{#- The stg_interview_versions rows that fct_interviews holds, restricted on incremental runs to the
    submissions changed in the window. Joining on the version costs milliseconds in DuckDB, where re-running
    the deduplication window over the whole history costs about a second per model. The join is on version_key
    alone, the md5 of the version's natural key (submission_id, partition_date, source_file, source_line,
    ingested_at; all not null in the source): the same rows as the five-column join, and one equality that
    PostgreSQL hash-joins, where its row estimate for five ANDed equalities led it into a nested loop. -#}
{% macro current_interview_versions() -%}
    select versions.*
    from {{ ref('stg_interview_versions') }} as versions
    inner join {{ ref('fct_interviews') }} as current_versions
        on versions.version_key = current_versions.version_key
    {#- a view or a full build reads them all -#}
    {%- if config.get('materialized') == 'incremental' and is_incremental() %}
        inner join (
            select in_window.submission_id from {{ ref('fct_interviews') }} as in_window
            where {{ fieldvoice.in_partition_window('in_window.partition_date') }}
            union
            select own_rows.submission_id from {{ this }} as own_rows
            where {{ fieldvoice.in_partition_window('own_rows.partition_date') }}
        ) as changed
            on current_versions.submission_id = changed.submission_id
    {%- endif %}
{%- endmacro %}


{#- WHERE condition of an incremental batch over a relation that already mirrors fct_interviews. -#}
{% macro changed_submissions_filter() -%}
    submission_id in (
        select submission_id from {{ ref('fct_interviews') }}
        where {{ fieldvoice.in_partition_window('partition_date') }}
        union
        select submission_id from {{ this }}
        where {{ fieldvoice.in_partition_window('partition_date') }}
    )
{%- endmacro %}


{#- post_hook of a child table: drop rows of versions fct_interviews no longer holds. NOT EXISTS, not NOT IN:
    PostgreSQL hashes a NOT IN list only while it fits in hash memory (8 MB by default) and past that compares
    every row with the whole list: over 2 minutes at 200,000 interviews, against 0.3 s for the anti join
    NOT EXISTS gets on both engines. The same rows: version_key is never null (an md5, nulls spelled out). -#}
{% macro prune_superseded_versions() -%}
    delete from {{ this }} as pruned
    where not exists (
        select 1 from {{ ref('fct_interviews') }} as current_versions
        where current_versions.version_key = pruned.version_key
    )
{%- endmacro %}


{#- The interviews field-work QA excludes (weight 0, fieldqa): one definition for every mart that leaves them out. -#}
{% macro qa_excluded_submissions() -%}
    (select submission_id from {{ ref('fct_interviews') }} where qa_weight = 0)
{%- endmacro %}


{#- First post_hook of the incremental per-interview tables, before their prunes. PostgreSQL plans each prune
    from table statistics that the run's own insert has just made stale (autovacuum analyzes later): at
    1,000,000 interviews it estimated one row for a 125,000-row partition and chose a nested-loop anti join
    that re-read the whole history per row (16+ minutes for one partition). ANALYZE samples at most 30,000
    rows: well under a second. DuckDB keeps its statistics current as it writes: nothing to do. -#}
{% macro refresh_statistics(relation) -%}
    {{ return(adapter.dispatch('refresh_statistics', 'fieldvoice')(relation)) }}
{%- endmacro %}

{% macro default__refresh_statistics(relation) -%}{%- endmacro %}

{% macro postgres__refresh_statistics(relation) -%}
    analyze {{ relation }}
{%- endmacro %}
