"""Security: servers bind to loopback by default; the LLM key comes from the environment only and is never
written anywhere; spreadsheets the pipeline writes cannot run formulas; published outputs carry no customer's
personal data (the clean run plants names, phone numbers, emails and customer references in verbatims)."""

import contextlib
import csv
import io
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest
import yaml

from tests.fakes.openai_server import FakeOpenAI
from tests.prove.plant import Planted, customers, pii_found, unsafe_cell
from tests.prove.project import ROOT, SECRET, CleanRun, warehouse_columns

# Files that define how fieldvoice starts servers by default (deploy/ is the production profile: containers bind
# all their interfaces, and the host publishes them on loopback, checked below).
DEFAULT_PATHS = ("Makefile", "workspace.yaml", "dagster_home", "scripts", "fieldvoice", "assets", "orchestration")
ANY_INTERFACE = re.compile(r"0\.0\.0\.0|\"::\"|'::'|\[::\]|INADDR_ANY")
API_KEY = re.compile(r"\bsk-[A-Za-z0-9_-]{16,}")
_SOURCE_SUFFIXES = ("", ".py", ".sh", ".yaml", ".yml", ".toml", ".cfg", ".example")


def _source_files(*roots: str) -> Iterator[Path]:
    """The project's own files under `roots` (tracked or new, not ignored: no build output, no data)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *roots],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        path = ROOT / name
        if path.is_file() and path.suffix in _SOURCE_SUFFIXES:
            yield path


def test_servers_bind_to_loopback_by_default() -> None:
    for path in _source_files(*DEFAULT_PATHS):
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            assert not ANY_INTERFACE.search(line), f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
    dev = [line for line in (ROOT / "Makefile").read_text().splitlines() if "dagster dev" in line]
    assert dev and all("-h 127.0.0.1" in line for line in dev), dev
    assert "127.0.0.1" in (ROOT / "scripts" / "postgres.sh").read_text()  # listen_addresses
    # workspace.yaml loads the code location as a Python module: dagster dev serves it on a local socket.
    assert all("python_module" in entry for entry in yaml.safe_load((ROOT / "workspace.yaml").read_text())["load_from"])
    fake = FakeOpenAI().start()
    try:
        assert fake.root_url.startswith("http://127.0.0.1:")
    finally:
        fake.close()
    compose = ROOT / "deploy" / "docker-compose.yaml"
    if compose.is_file():  # containers listen on all their interfaces; the host publishes them on loopback only
        for name, service in yaml.safe_load(compose.read_text())["services"].items():
            for port in service.get("ports", []):
                assert str(port).startswith("127.0.0.1:"), (name, port)


def test_secrets_come_from_the_environment_only() -> None:
    for path in _source_files(*DEFAULT_PATHS, "config", "deploy", "dbt_project", ".env.example", "pyproject.toml"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not API_KEY.search(text), f"{path}: an API key in the source"
    for line in (ROOT / ".env.example").read_text().splitlines():
        name, _, value = line.partition("=")
        if re.search(r"KEY|PASSWORD|SECRET|TOKEN", name) and not name.lstrip().startswith("#"):
            assert not value.split("#")[0].strip(), f".env.example ships a value for {name}"


# -- after a run ------------------------------------------------------------------------------------------------
def _files(*roots: Path) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from (p for p in sorted(root.rglob("*")) if p.is_file())


def _event_texts(home: Path) -> Iterator[tuple[str, str]]:
    """Every event of every run of the instance (messages, metadata, errors), as readable text."""
    instance = dg.DagsterInstance.from_config(str(home))
    for run in instance.get_runs():
        yield f"run {run.run_id} config", json.dumps(run.run_config, ensure_ascii=False, default=str)
        yield f"run {run.run_id} tags", json.dumps(dict(run.tags), ensure_ascii=False)
        for record in instance.all_logs(run.run_id):
            event = record.dagster_event
            parts = [record.user_message or "", repr(event.event_specific_data) if event else ""]
            yield f"run {run.run_id} event", "\n".join(parts)


def _warehouse_texts(warehouse: Path, schemas: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for schema, table, column, data_type in warehouse_columns(con, schemas):
            if data_type != "VARCHAR":
                continue
            values = con.execute(f'SELECT DISTINCT "{column}" FROM "{schema}"."{table}" WHERE "{column}" IS NOT NULL')
            yield f"{schema}.{table}.{column}", "\n".join(str(v) for (v,) in values.fetchall())


def _file_text(path: Path) -> str:
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".json":
        with contextlib.suppress(ValueError):  # JSON may escape non-ASCII names: compare the decoded text too
            text += "\n" + json.dumps(json.loads(text), ensure_ascii=False)
    return text


@pytest.mark.slow
def test_the_llm_key_is_never_written(clean_run: CleanRun) -> None:
    project = clean_run.project
    used = [r for r in clean_run.fake.requests if r.had_credentials]
    assert used, "the clean run should have called the LLM with its key"
    needles = (SECRET, SECRET[9:41])  # the whole key, or its random middle (a masked or truncated copy)
    dbt_logs = ROOT / "dbt_project" / "logs"
    for path in _files(project.root, dbt_logs):  # instance, logs, outputs, the warehouse file itself
        data = path.read_bytes()
        assert not any(n.encode() in data for n in needles), f"the API key is written in {path}"
    sources = [*_event_texts(project.home), *_warehouse_texts(project.warehouse, _schemas(project.warehouse))]
    for where, text in sources:
        assert not any(n in text for n in needles), f"the API key is in {where}"


def _schemas(warehouse: Path) -> tuple[str, ...]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("SELECT DISTINCT schema_name FROM information_schema.schemata").fetchall()
    return tuple(s for (s,) in rows)


def _cells(path: Path) -> Iterator[str]:
    if path.suffix == ".xlsx":
        import openpyxl

        workbook = openpyxl.load_workbook(path, read_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                yield from (str(v) for v in row if v is not None)
        return
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    for row in csv.reader(io.StringIO(text, newline=""), dialect):
        yield from row


@pytest.mark.slow
def test_spreadsheets_cannot_run_formulas(clean_run: CleanRun) -> None:
    sheets = [p for p in _files(clean_run.project.outputs) if p.suffix in (".csv", ".xlsx")]
    assert sheets, "the pipeline wrote no CSV or XLSX file (review files, scorecards): nothing was checked"
    unsafe = [(p.name, cell) for p in sheets for cell in _cells(p) if unsafe_cell(cell)]
    assert unsafe == [], unsafe[:10]


def _published(clean_run: CleanRun) -> Iterator[tuple[str, str]]:
    """What leaves the data team: output files (briefs, reports, review files), run logs and Dagster metadata,
    and the analysed text tables the briefs quote from."""
    project = clean_run.project
    for path in _files(project.outputs, project.logs, project.home / "storage"):
        if path.suffix not in (".db", ".sqlite", ".duckdb", ".wal"):
            yield str(path.relative_to(project.root)), _file_text(path)
    yield from _event_texts(project.home)
    yield from _warehouse_texts(project.warehouse, ("insights",))
    with duckdb.connect(str(project.warehouse), read_only=True) as con:
        texts = con.execute("SELECT text FROM marts.fct_verbatims").fetchall()
    yield "marts.fct_verbatims.text", "\n".join(t for (t,) in texts if t)


@pytest.mark.slow
def test_no_personal_data_in_what_is_published(clean_run: CleanRun) -> None:
    planted, everyone = clean_run.planted, customers(clean_run.project.warehouse)
    with duckdb.connect(str(clean_run.project.warehouse), read_only=True) as con:
        raw = "\n".join(v for (v,) in con.execute("SELECT verbatim FROM raw.interviews").fetchall() if v)
    assert all(name in raw for name in planted.names)  # the planted data did reach the warehouse
    known = Planted(
        names=planted.names | everyone.names,
        msisdns=planted.msisdns | everyone.msisdns,
        emails=planted.emails | everyone.emails,
        refs=planted.refs | everyone.refs,
    )
    leaks = [f"{where}: {found}" for where, text in _published(clean_run) if (found := pii_found(text, known))]
    assert leaks == [], "\n".join(leaks[:20])
