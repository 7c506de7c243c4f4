{#- Small portable helpers. Each dispatches, so an adapter that needs another spelling gets its own
    `<adapter>__` implementation; the defaults are ANSI/PostgreSQL and DuckDB accepts them too. -#}

{#- Seconds since the Unix epoch of a timestamp with time zone. -#}
{% macro epoch_seconds(timestamp_tz) -%}
    {{ return(adapter.dispatch('epoch_seconds', 'fieldvoice')(timestamp_tz)) }}
{%- endmacro %}

{% macro default__epoch_seconds(timestamp_tz) -%}
    extract(epoch from {{ timestamp_tz }})
{%- endmacro %}

{% macro duckdb__epoch_seconds(timestamp_tz) -%}
    epoch({{ timestamp_tz }})
{%- endmacro %}


{#- Microseconds since the Unix epoch as a bigint: the same digits on every engine, so that keys hashed from a
    timestamp match across engines (epoch seconds are a double in DuckDB and a numeric in PostgreSQL, whose
    text forms differ: 1763582400.0 against 1763582400.000000). Exact on PostgreSQL 14+ (numeric extract). -#}
{% macro epoch_microseconds(timestamp_tz) -%}
    {{ return(adapter.dispatch('epoch_microseconds', 'fieldvoice')(timestamp_tz)) }}
{%- endmacro %}

{% macro default__epoch_microseconds(timestamp_tz) -%}
    cast(extract(epoch from {{ timestamp_tz }}) * 1000000 as bigint)
{%- endmacro %}

{% macro duckdb__epoch_microseconds(timestamp_tz) -%}
    epoch_us({{ timestamp_tz }})
{%- endmacro %}


{#- The UTC calendar date of a timestamp with time zone, whatever the session time zone. Interviews happen in
    daytime in UTC+0..+3 countries, so the UTC date is the local date in practice. -#}
{% macro utc_date(timestamp_tz) -%}
    {{ return(adapter.dispatch('utc_date', 'fieldvoice')(timestamp_tz)) }}
{%- endmacro %}

{% macro default__utc_date(timestamp_tz) -%}
    cast(({{ timestamp_tz }} at time zone 'UTC') as date)
{%- endmacro %}


{#- Monday of the ISO week of a date (date_trunc returns a timestamp on both engines: cast back). -#}
{% macro week_start(date_column) -%}
    cast({{ dbt.date_trunc('week', date_column) }} as date)
{%- endmacro %}


{#- Rounds a number to `scale` decimals as an exact numeric(precision, scale); PostgreSQL has no
    round(double precision, int), and a cast rounds half away from zero on both engines. -#}
{% macro to_numeric(expression, precision, scale) -%}
    cast({{ expression }} as numeric({{ precision }}, {{ scale }}))
{%- endmacro %}


{#- A ratio as numeric, null when the denominator is zero. -#}
{% macro safe_ratio(numerator, denominator, precision=9, scale=4) -%}
    {{ fieldvoice.to_numeric(
        'cast(' ~ numerator ~ ' as double precision) / nullif(' ~ denominator ~ ', 0)',
        precision, scale) }}
{%- endmacro %}


{#- The n-th part of a delimited string, n being a column (dbt.split_part accepts only a literal n on
    PostgreSQL, where it branches on the sign of n at compile time). Past the last part: '' on both engines. -#}
{% macro split_part_at(string_text, delimiter_text, part_number) -%}
    {{ return(adapter.dispatch('split_part_at', 'fieldvoice')(string_text, delimiter_text, part_number)) }}
{%- endmacro %}

{% macro default__split_part_at(string_text, delimiter_text, part_number) -%}
    split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }})
{%- endmacro %}
