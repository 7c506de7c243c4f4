{#- The partition window of a run, half-open [min_date, max_date), from `--vars`.
    Dagster passes its partition time window (end exclusive); a run without vars has no window. -#}

{% macro has_partition_window() -%}
    {{ return(var('min_date', none) is not none and var('max_date', none) is not none) }}
{%- endmacro %}


{#- A boolean SQL expression: `column` (a date) lies in the window; always true without a window. -#}
{% macro in_partition_window(column) -%}
    {%- if fieldvoice.has_partition_window() -%}
        ({{ column }} >= {{ fieldvoice.date_literal(var('min_date')) }}
        and {{ column }} < {{ fieldvoice.date_literal(var('max_date')) }})
    {%- else -%}
        (1 = 1)
    {%- endif -%}
{%- endmacro %}


{#- Validates the var (it is pasted into SQL) and renders a portable date literal. -#}
{% macro date_literal(value) -%}
    {%- set text = value | string -%}
    {%- if not modules.re.match('^\d{4}-\d{2}-\d{2}$', text) -%}
        {{ exceptions.raise_compiler_error("Expected an ISO date (YYYY-MM-DD) in --vars, got: " ~ text) }}
    {%- endif -%}
    cast('{{ text }}' as date)
{%- endmacro %}
