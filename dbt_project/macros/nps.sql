{#- Net Promoter Score arithmetic, in one place. -#}

{#- promoter 9-10, passive 7-8, detractor 0-6 (Bain's standard cut-offs). -#}
{% macro nps_category(nps) -%}
    case
        when {{ nps }} >= 9 then 'promoter'
        when {{ nps }} >= 7 then 'passive'
        when {{ nps }} >= 0 then 'detractor'
    end
{%- endmacro %}


{#- Select-list fragment: <prefix>, <prefix>_standard_error, <prefix>_ci_low, <prefix>_ci_high from counts.
    NPS = 100 (p_prom - p_det). Its variance, treating each answer as +1/0/-1, is
    var = (p_prom + p_det - (p_prom - p_det)^2) / n, and the 95% interval is nps +/- 1.96 sqrt(var) 100,
    clamped to [-100, 100]. Interviews target a planned list, not a random sample: the interval describes
    sampling noise only, not selection bias. Null when n = 0. -#}
{% macro nps_measures(n, promoters, detractors, prefix='nps') -%}
    {%- set p_prom = "(cast(" ~ promoters ~ " as double precision) / nullif(" ~ n ~ ", 0))" -%}
    {%- set p_det = "(cast(" ~ detractors ~ " as double precision) / nullif(" ~ n ~ ", 0))" -%}
    {%- set variance = "greatest(0, (" ~ p_prom ~ " + " ~ p_det ~ " - (" ~ p_prom ~ " - " ~ p_det ~ ") * ("
        ~ p_prom ~ " - " ~ p_det ~ ")) / nullif(" ~ n ~ ", 0))" -%}
    {%- set standard_error = "(100 * sqrt(" ~ variance ~ "))" -%}
    {%- set score = "(100 * (" ~ p_prom ~ " - " ~ p_det ~ "))" -%}
    {{ fieldvoice.to_numeric(score, 7, 2) }} as {{ prefix }},
    {{ fieldvoice.to_numeric(standard_error, 7, 2) }} as {{ prefix }}_standard_error,
    {{ fieldvoice.to_numeric("greatest(-100, " ~ score ~ " - 1.96 * " ~ standard_error ~ ")", 7, 2) }}
        as {{ prefix }}_ci_low,
    {{ fieldvoice.to_numeric("least(100, " ~ score ~ " + 1.96 * " ~ standard_error ~ ")", 7, 2) }}
        as {{ prefix }}_ci_high
{%- endmacro %}
