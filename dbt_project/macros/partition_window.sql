{#- The partition window of a run, half-open [min_date, max_date). Dagster passes its partition time window
    (end exclusive) as FIELDVOICE_DBT_MIN_DATE / FIELDVOICE_DBT_MAX_DATE: dbt re-parses only the files that
    read a changed environment variable, where a change of `--vars` re-parses the whole project. `--vars
    '{min_date: ..., max_date: ...}'` (the command line, unit tests) takes precedence. No window: a full build. -#}

{% macro window_bound(name) -%}
    {#- env_var is read even when --vars has the bound: that is how partial parsing learns the file uses it -#}
    {%- set from_env = env_var('FIELDVOICE_DBT_' ~ (name | upper), '') -%}
    {%- set from_vars = var(name, none) -%}
    {{ return((from_vars if from_vars is not none else from_env) | string) }}
{%- endmacro %}


{% macro has_partition_window() -%}
    {{ return(fieldvoice.window_bound('min_date') != '' and fieldvoice.window_bound('max_date') != '') }}
{%- endmacro %}


{#- A boolean SQL expression: `column` (a date) lies in the window; always true without a window. -#}
{% macro in_partition_window(column) -%}
    {%- if fieldvoice.has_partition_window() -%}
        ({{ column }} >= {{ fieldvoice.date_literal(fieldvoice.window_bound('min_date')) }}
        and {{ column }} < {{ fieldvoice.date_literal(fieldvoice.window_bound('max_date')) }})
    {%- else -%}
        (1 = 1)
    {%- endif -%}
{%- endmacro %}


{#- Validates the bound (it is pasted into SQL) and renders a portable date literal. -#}
{% macro date_literal(value) -%}
    {%- set text = value | string -%}
    {%- if not modules.re.match('^\d{4}-\d{2}-\d{2}$', text) -%}
        {{ exceptions.raise_compiler_error("Expected an ISO date (YYYY-MM-DD) as the partition window, got: " ~ text) }}
    {%- endif -%}
    cast('{{ text }}' as date)
{%- endmacro %}
