"""Day-level rules of the interviews suite: warnings about the whole partition; rows are kept."""

from fieldvoice.quality.rules import (
    MEMBERSHIP_MOSTLY,
    NON_NULL_MIN,
    NPS_MEAN_BAND,
    PLAUSIBLE_HOURS,
    VOLUME_RULE,
    Rule,
    membership_rule,
    rule,
)


def interview_day_rules() -> list[Rule]:
    mostly = MEMBERSHIP_MOSTLY
    rules = [
        rule("expect_table_row_count_to_be_between", "day", "empty_partition", min_value=1),
        membership_rule("collaborator_in_roster", "collaborator_not_in_roster"),
        membership_rule("locality_known", "unknown_locality"),
        membership_rule("customer_in_targets", "customer_not_in_targets"),
        rule(
            "expect_column_values_to_match_regex",
            "day",
            "msisdn_not_e164",
            column="customer_msisdn",
            regex=r"^\+[1-9]\d{7,14}$",
            mostly=mostly,
        ),
        rule(
            "expect_column_mean_to_be_between",
            "day",
            "nps_mean_out_of_band",
            column="nps",
            min_value=NPS_MEAN_BAND[0],
            max_value=NPS_MEAN_BAND[1],
        ),
        rule(
            "expect_column_values_to_be_between",
            "day",
            "odd_interview_hours",
            column="interview_start_local_hour",
            min_value=PLAUSIBLE_HOURS[0],
            max_value=PLAUSIBLE_HOURS[1],
            mostly=mostly,
        ),
    ]
    rules += [
        rule(
            "expect_column_proportion_of_non_null_values_to_be_between",
            "day",
            "too_many_nulls",
            column=col,
            min_value=share,
        )
        for col, share in NON_NULL_MIN.items()
    ]
    return rules


# Rules GX has no expectation for: declared here (suite meta) so the JSON lists every rule; computed by
# `fieldvoice.quality.day_rules`.
CUSTOM_DAY_RULES: list[Rule] = [
    {
        "type": "expect_country_volume_near_trailing_average",
        "kwargs": VOLUME_RULE,
        "meta": {
            "level": "day",
            "reason": "country_volume_anomaly",
            "note": "rows per country today (after de-duplication) vs the mean of the last window_days partitions "
            "in history (a day absent for a country counts 0); checked when the country has min_history_days "
            "and a mean of at least min_mean_rows",
        },
    }
]
