"""Great Expectations validation: validated + quarantine tables, and the suites' results as asset checks.

Schema-level failures are blocking (downstream does not run on structurally broken data); row- and day-level
failures warn with counts. `row_accounting` re-reads the warehouse and blocks unless, for the partition,
raw rows = validated + quarantined. The plain-Python runner lives in fieldvoice.quality.
"""

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import dagster as dg

from assets.metadata import check_results, markdown_table
from fieldvoice.contract import REFERENCE_FILES
from fieldvoice.settings import warehouse_kind
from orchestration.partitions import daily_partitions
from orchestration.resources import FieldvoicePaths, WarehouseResource, writer_pool

if TYPE_CHECKING:
    import pandas as pd

    from fieldvoice.warehouse import Warehouse

VOLUME_HISTORY_DAYS = 28
# Targets and the roster name localities: validate localities first and check against the validated ones.
_REFERENCE_DEPS = {"collaborators": ["localities"], "targets": ["localities"], "localities": []}


def _check_specs(asset: list[str], prefix: str, with_accounting: bool = False) -> list[dg.AssetCheckSpec]:
    specs = [
        dg.AssetCheckSpec(
            f"{prefix}_schema",
            asset=asset,
            blocking=True,
            description="Required columns present (blocking: downstream stops).",
        ),
        dg.AssetCheckSpec(
            f"{prefix}_rows",
            asset=asset,
            description="Row-level expectations; failing rows are quarantined (warns with counts).",
        ),
        dg.AssetCheckSpec(
            f"{prefix}_day",
            asset=asset,
            description="Day-level expectations: null shares, NPS band, volume per country (warns).",
        ),
    ]
    if with_accounting:
        specs.append(
            dg.AssetCheckSpec(
                f"{prefix}_row_accounting",
                asset=asset,
                blocking=True,
                description="raw rows = validated + quarantined for the partition.",
            )
        )
    return specs


def _reference_validation(name: str) -> dg.AssetsDefinition:
    validated, quarantine = ["validated", name], ["quarantine", name]

    @dg.multi_asset(
        name=f"validate_{name}",
        specs=[
            dg.AssetSpec(
                validated,
                deps=[["raw", name], *(["validated", d] for d in _REFERENCE_DEPS[name])],
                description=f"Validated {name} reference rows (typed).",
                kinds={warehouse_kind()},
                group_name="validation",
                owners=["team:data"],
            ),
            dg.AssetSpec(
                quarantine,
                deps=[["raw", name]],
                kinds={warehouse_kind()},
                group_name="validation",
                description=f"{name} rows that failed validation, with every reason.",
                owners=["team:data"],
            ),
        ],
        check_specs=_check_specs(validated, name),
        pool=writer_pool(),  # DuckDB allows one writing process at a time
    )
    def _validate(context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths):
        from fieldvoice.quality import (  # GX and pandas: imported at run time, not at load
            quarantine_reference_schema,
            validate_reference,
            validated_reference_schema,
            write_validation_report,
        )

        with warehouse.connect() as wh:
            raw = wh.query(f"SELECT * FROM raw.{name} ORDER BY source_line")
            localities = wh.query("SELECT * FROM validated.localities") if name != "localities" else None
            result = validate_reference(name, raw, localities=localities, now=datetime.now(UTC))
            wh.replace_table(f"validated.{name}", result.validated, validated_reference_schema(name))
            wh.replace_table(f"quarantine.{name}", result.quarantine, quarantine_reference_schema(name))
        report = write_validation_report(result, paths.outputs / "validation")
        counts = result.counts
        yield dg.MaterializeResult(
            asset_key=validated,
            metadata={"dagster/row_count": counts["validated"], "report": dg.MetadataValue.path(str(report))},
        )
        yield dg.MaterializeResult(
            asset_key=quarantine,
            metadata={
                "dagster/row_count": counts["quarantined_invalid"] + counts["quarantined_duplicate"],
                "by_reason": markdown_table(_reason_counts(result.quarantine)),
            },
        )
        yield from check_results(validated, name, result.checks, report)

    return _validate


reference_validation_assets = [_reference_validation(name) for name in REFERENCE_FILES]


@dg.multi_asset(
    name="validate_interviews",
    partitions_def=daily_partitions,
    specs=[
        dg.AssetSpec(
            ["validated", "interviews"],
            deps=[["raw", "interviews"], *(["validated", name] for name in REFERENCE_FILES)],
            description=(
                "Interviews that passed every row-level expectation, typed; the latest re-export of a submission "
                "within the day; consent = no keeps scores only; free text PII-redacted, language detected."
            ),
            kinds={warehouse_kind(), "python"},
            group_name="validation",
            owners=["team:data"],
            tags={"layer": "validated"},
        ),
        dg.AssetSpec(
            ["quarantine", "interviews"],
            deps=[["raw", "interviews"]],
            description="Every raw row that is not validated: lineage (file, line), each failed expectation, "
            "the observed value (redacted), and kind = invalid | duplicate (superseded re-export).",
            kinds={warehouse_kind()},
            group_name="validation",
            owners=["team:data"],
            tags={"layer": "validated"},
        ),
    ],
    check_specs=_check_specs(["validated", "interviews"], "interviews", with_accounting=True),
    pool=writer_pool(),
)
def validate_interviews(context: dg.AssetExecutionContext, warehouse: WarehouseResource, paths: FieldvoicePaths):
    from fieldvoice.quality import (  # GX and pandas: imported at run time, not at load
        QUARANTINE_INTERVIEWS_SCHEMA,
        VALIDATED_INTERVIEWS_SCHEMA,
        ReferenceData,
        validate_interviews,
        write_validation_report,
    )

    day = date.fromisoformat(context.partition_key)
    with warehouse.connect() as wh:
        raw = wh.query("SELECT * FROM raw.interviews WHERE partition_date = ?", [day])
        reference = ReferenceData.from_frames(
            **{name: wh.query(f"SELECT * FROM validated.{name}") for name in REFERENCE_FILES}
        )
        history = wh.query(
            "SELECT partition_date, country_code, count(*) AS rows FROM raw.interviews "
            "WHERE partition_date >= ? AND partition_date < ? GROUP BY partition_date, country_code",
            [day - timedelta(days=VOLUME_HISTORY_DAYS), day],
        )
        result = validate_interviews(raw, reference, now=datetime.now(UTC), history=history, partition_date=day)
        wh.replace_partitions(
            {
                "validated.interviews": (result.validated, VALIDATED_INTERVIEWS_SCHEMA),
                "quarantine.interviews": (result.quarantine, QUARANTINE_INTERVIEWS_SCHEMA),
            },
            day,
        )
        accounting = _row_accounting(wh, day)
    report = write_validation_report(result, paths.outputs / "validation")
    counts = result.counts
    context.log.info(f"{day}: {counts}")
    yield dg.MaterializeResult(
        asset_key=["validated", "interviews"],
        metadata={
            "dagster/row_count": counts["validated"],
            **{f"rows_{k}": v for k, v in counts.items()},
            "report": dg.MetadataValue.path(str(report)),
            "timings_s": {k: round(v, 2) for k, v in result.timings.items()},
        },
    )
    yield dg.MaterializeResult(
        asset_key=["quarantine", "interviews"],
        metadata={
            "dagster/row_count": counts["quarantined_invalid"] + counts["quarantined_duplicate"],
            "by_reason": markdown_table(_reason_counts(result.quarantine), limit=40),
        },
    )
    yield from check_results(["validated", "interviews"], "interviews", result.checks, report)
    yield dg.AssetCheckResult(
        check_name="interviews_row_accounting",
        asset_key=["validated", "interviews"],
        passed=accounting["raw"] == accounting["validated"] + accounting["quarantined"],
        severity=dg.AssetCheckSeverity.ERROR,
        metadata=accounting,
    )


def _row_accounting(wh: "Warehouse", day: date) -> dict[str, int]:
    counts = {}
    for label, table in (("raw", "raw"), ("validated", "validated"), ("quarantined", "quarantine")):
        counts[label] = int(wh.scalar(f"SELECT count(*) FROM {table}.interviews WHERE partition_date = ?", [day]))
    return counts


def _reason_counts(quarantine: "pd.DataFrame") -> list[dict]:
    if quarantine.empty:
        return []
    codes = quarantine.assign(reason=quarantine["reason_codes"].str.split()).explode("reason")
    table = codes.groupby(["kind", "reason"]).size().rename("rows").reset_index()
    return table.sort_values("rows", ascending=False).to_dict("records")
