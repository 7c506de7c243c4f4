-- Scores rolled up from fct_scores_daily; see macros/score_rollup.sql.

{{ fieldvoice.score_rollup(ref('fct_scores_daily'), ['interview_week', 'country_code']) }}
