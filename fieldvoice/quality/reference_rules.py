"""Rules of the reference suites (roster, targets, localities), in the same form as `rules.py`.

Reference tables are whole files, not partitions: a duplicate key keeps the later row (source_file, then
source_line) and quarantines the earlier one as "duplicate". Membership in another reference table is
day level (warn) and skipped when that table is not given.
"""

from fieldvoice import contract as c
from fieldvoice.quality.rules import Rule, membership_rule, rule, schema_rules

_LINEAGE = ("source_file", "source_line")
# The column whose uniqueness defines a reference row; localities are unique per country.
REFERENCE_KEYS = {"collaborators": "collaborator_id", "targets": "customer_ref", "localities": "country_locality"}


def _common(name: str) -> list[Rule]:
    rules = schema_rules((*c.REFERENCE_FILES[name], *_LINEAGE))
    rules += [
        rule("expect_column_values_to_not_be_null", "row", "required_value_missing", column=col)
        for col in c.REFERENCE_FILES[name]
        if col not in ("latitude", "longitude")
    ]
    rules.append(
        rule(
            "expect_column_values_to_be_unique",
            "row",
            "superseded_reexport",
            column=REFERENCE_KEYS[name],
            note="The later row (source_file, then source_line) wins; the earlier ones are quarantined.",
        )
    )
    rules.append(
        rule(
            "expect_column_values_to_be_in_set",
            "row",
            "unknown_country",
            column="country_code",
            value_set=list(c.COUNTRIES),
        )
    )
    rules.append(rule("expect_table_row_count_to_be_between", "day", "empty_reference", min_value=1))
    return rules


def reference_rules(name: str) -> list[Rule]:
    rules = _common(name)
    if name == "collaborators":
        rules += [
            rule(
                "expect_column_values_to_match_regex",
                "row",
                "bad_collaborator_id",
                column="collaborator_id",
                regex=c.COLLABORATOR_ID_PATTERN,
            ),
            membership_rule("locality_known", "unknown_locality"),
        ]
    elif name == "targets":
        rules += [
            rule(
                "expect_column_values_to_match_regex",
                "row",
                "bad_customer_ref",
                column="customer_ref",
                regex=c.CUSTOMER_REF_PATTERN,
            ),
            rule(
                "expect_column_values_to_be_in_set",
                "row",
                "customer_ref_country_mismatch",
                column="customer_ref_country_matches",
                value_set=[True],
            ),
            rule(
                "expect_column_values_to_be_in_set",
                "row",
                "unknown_segment",
                column="segment",
                value_set=list(c.SEGMENTS),
            ),
            membership_rule("locality_known", "unknown_locality"),
        ]
    elif name == "localities":
        rules += [
            rule(
                "expect_column_values_to_be_in_set",
                "row",
                "unknown_locality_type",
                column="locality_type",
                value_set=list(c.LOCALITY_TYPES),
            ),
            rule("expect_column_values_to_be_null", "row", "unparseable_decimal", column="latitude__unparsed"),
            rule("expect_column_values_to_be_null", "row", "unparseable_decimal", column="longitude__unparsed"),
            rule("expect_column_values_to_not_be_null", "row", "required_value_missing", column="latitude"),
            rule("expect_column_values_to_not_be_null", "row", "required_value_missing", column="longitude"),
            rule(
                "expect_column_values_to_be_in_set",
                "row",
                "coordinates_outside_country",
                column="coordinates_in_country",
                value_set=[True],
            ),
        ]
    else:
        raise KeyError(f"unknown reference table {name!r}; expected one of {sorted(c.REFERENCE_FILES)}")
    return rules
