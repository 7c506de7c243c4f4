{#- A stable key from several columns: md5 of the values joined by '|', nulls spelled out so that
    (null, 'a') and ('', 'a') differ. -#}
{% macro surrogate_key(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("coalesce(cast(" ~ column ~ " as " ~ dbt.type_string() ~ "), '<null>')") -%}
    {%- endfor -%}
    {{ dbt.hash(parts | join(" || '|' || ")) }}
{%- endmacro %}


{#- A pseudonymous key for a personal identifier: salted md5, null stays null. The salt comes from the var
    `pseudonym_salt` or the env var FIELDVOICE_PSEUDONYM_SALT; without one, ids from a small space
    (EMP- + 6 digits) can be recovered by enumeration. Changing the salt changes every key. -#}
{% macro pseudonymise(column) -%}
    {%- set salt = var('pseudonym_salt', env_var('FIELDVOICE_PSEUDONYM_SALT', '')) -%}
    case
        when {{ column }} is not null
            then {{ dbt.hash(dbt.string_literal(salt | replace("'", "''")) ~ " || '|' || " ~ column) }}
    end
{%- endmacro %}
