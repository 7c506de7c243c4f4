{#- Rows n = 1..upper_bound, rendered as literal VALUES-free unions so that it works on any engine and in
    unit tests (no introspective query, unlike dbt.date_spine). Small bounds only. -#}
{% macro integer_spine(upper_bound) -%}
    {%- for n in range(1, upper_bound + 1) %}
    select {{ n }} as n{% if not loop.last %} union all{% endif %}
    {%- endfor %}
{%- endmacro %}
