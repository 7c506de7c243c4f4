"""fieldqa: daily high-frequency checks on validated interviews, against rushed and fabricated interviews.

    config = load_config()                                          # config/fieldqa.yaml
    flags = flag_interviews(day, localities, config, history=earlier_days)   # long: one row per (interview, flag)
    quality = build_quality(day, flags, config)                     # interview_quality: weight, status, flags
    card = collaborator_scorecard(day, flags, config, period="day") # ranked for supervisors; team_summary(card)
    paths = write_review_files(flags, out_dir, interviews=day, quality=quality)
    quality, audit = apply_reviews(quality, read_review_files(paths))   # supervisors' decisions win
    describe_exclusions(quality)                                    # the sentence marts and briefs print

Flagged interviews are never deleted; the policy only sets how much each one counts. No dagster here: the
orchestration wraps these functions.
"""

from fieldvoice.fieldqa.config import FLAGS, POLICIES, ConfigError, FlagRule, QaConfig, config_from_dict, load_config
from fieldvoice.fieldqa.flags import FLAGS_SCHEMA, flag_interviews, flagged_ids
from fieldvoice.fieldqa.policy import (
    INTERVIEW_QUALITY_SCHEMA,
    STATUSES,
    build_quality,
    describe_exclusions,
    quality_summary,
)
from fieldvoice.fieldqa.review import (
    AUDIT_COLUMNS,
    DECISION_COLUMNS,
    REVIEW_COLUMNS,
    ReviewFileError,
    apply_reviews,
    collect_decisions,
    read_review_file,
    read_review_files,
    review_files_in,
    write_review_files,
)
from fieldvoice.fieldqa.scorecard import collaborator_scorecard, pseudonym, pseudonymise, team_summary

__all__ = [
    "AUDIT_COLUMNS",
    "DECISION_COLUMNS",
    "FLAGS",
    "FLAGS_SCHEMA",
    "INTERVIEW_QUALITY_SCHEMA",
    "POLICIES",
    "REVIEW_COLUMNS",
    "STATUSES",
    "ConfigError",
    "FlagRule",
    "QaConfig",
    "ReviewFileError",
    "apply_reviews",
    "build_quality",
    "collaborator_scorecard",
    "collect_decisions",
    "config_from_dict",
    "describe_exclusions",
    "flag_interviews",
    "flagged_ids",
    "load_config",
    "pseudonym",
    "pseudonymise",
    "quality_summary",
    "read_review_file",
    "read_review_files",
    "review_files_in",
    "team_summary",
    "write_review_files",
]
