-- int_pain_points_exploded splits against a 32-row integer spine: an interview with more tokens would lose
-- codes silently. Fails on such interviews (read from the fct_interviews table: the staging view would
-- redo the deduplication).

select
    submission_id,
    pain_points

from {{ ref('fct_interviews') }}
where
    pain_points is not null
    and {{ dbt.length('pain_points') }} - {{ dbt.length(dbt.replace('pain_points', "' '", "''")) }} + 1 > 32
