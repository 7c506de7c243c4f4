"""`fieldvoice` command line: generate programme data, ingest a folder, inspect the warehouse."""

import argparse
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fieldvoice.settings import Settings


def _generate(args: argparse.Namespace) -> int:
    from fieldvoice.generator import generate

    settings = Settings.from_env()
    landing = Path(args.landing) if args.landing else settings.landing_dir
    end = date.fromisoformat(args.end) if args.end else datetime.now(UTC).date() - timedelta(days=1)
    start = end - timedelta(days=args.days - 1)
    report = generate(
        landing,
        start=start,
        days=args.days,
        interviews_per_day=args.per_day,
        seed=args.seed,
        defect_rate=args.defect_rate,
        emerging=not args.no_emerging,
        rushed_share=args.rushed_share,
        fabricator_share=args.fabricator_share,
        progress=lambda line: print(line, flush=True),
    )
    print(f"generated {sum(report.interviews_per_day.values())} interviews in {landing} ({start} .. {end})")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from fieldvoice.ingest.day import DayIngestFailed, ingest_day
    from fieldvoice.warehouse import open_warehouse

    settings = Settings.from_env()
    landing = Path(args.landing) if args.landing else settings.landing_dir
    with open_warehouse(settings.warehouse, settings.duckdb_path) as warehouse:  # FIELDVOICE_WAREHOUSE decides
        try:
            report = ingest_day(warehouse, landing, date.fromisoformat(args.day), datetime.now(UTC))
        except DayIngestFailed as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    for f in report.files:
        status = f"rejected: {f.error}" if f.error else f"{f.rows} rows ({f.dialect})"
        print(f"{f.source_file}: {status}")
    print(f"{report.rows_loaded} rows loaded, {len(report.rejected)} file(s) rejected")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fieldvoice", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    gen = commands.add_parser("generate", help="write reference files and daily field exports to a landing folder")
    gen.add_argument("--landing", help="landing folder (default: FIELDVOICE_LANDING_DIR)")
    gen.add_argument("--days", type=int, default=7)
    gen.add_argument("--end", help="last day, YYYY-MM-DD (default: yesterday, UTC)")
    gen.add_argument("--per-day", type=int, default=15000, help="interviews per day")
    gen.add_argument("--seed", type=int, default=7)
    gen.add_argument("--defect-rate", type=float, default=0.02, help="share of rows carrying a realistic defect")
    gen.add_argument("--no-emerging", action="store_true", help="do not inject the emerging issue")
    gen.add_argument("--rushed-share", type=float, default=0.002, help="share of the roster planted as rushed")
    gen.add_argument("--fabricator-share", type=float, default=0.001, help="share planted as fabricators")
    gen.set_defaults(func=_generate)

    ing = commands.add_parser("ingest", help="ingest one day folder into the warehouse without Dagster")
    ing.add_argument("day", help="YYYY-MM-DD")
    ing.add_argument("--landing", help="landing folder (default: FIELDVOICE_LANDING_DIR)")
    ing.set_defaults(func=_ingest)

    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
