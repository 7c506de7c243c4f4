"""Fast guards for what the slow "prove it" tests found (each also shows up end to end in test_faults,
test_security or test_dagster_server)."""

from importlib.metadata import distributions
from pathlib import Path

from fieldvoice.briefs.model import BriefDraft
from fieldvoice.llm import LlmSettings, make_client
from tests.fakes.openai_server import FakeOpenAI, garbage


def test_a_body_that_is_not_json_falls_back_instead_of_failing_the_run() -> None:
    fake = FakeOpenAI().start()
    fake.default = garbage()
    try:
        settings = LlmSettings.from_env({"OPENAI_BASE_URL": fake.url, "FIELDVOICE_LLM_MODEL": "m"})
        result = make_client(settings).structured([{"role": "user", "content": "hi"}], BriefDraft, purpose="t")
    finally:
        fake.close()
    assert result.parsed is None and result.record.outcome == "invalid_json"


def test_server_runs_execute_in_one_process() -> None:
    # The multiprocess executor (Dagster's default for runs launched from the UI, schedule or sensor) ran the
    # reference steps in parallel processes, which failed on DuckDB's file lock.
    from orchestration.definitions import defs

    for job in ("daily_job", "reference_job"):
        assert defs.resolve_job_def(job).executor_def.name == "in_process"


def test_dbt_runs_skip_unit_tests_and_the_version_probe() -> None:
    from orchestration.dbt_project import dbt_build_args, dbt_resource

    args = dbt_build_args()
    assert args[args.index("--exclude-resource-type") + 1] == "unit_test"
    resource = dbt_resource()
    site = sorted(Path(resource.dbt_executable).resolve().parent.parent.glob("lib/python*/site-packages"))
    installed = next(d.version for d in distributions(path=[str(p) for p in site]) if d.name == "dbt-core")
    assert str(resource._cli_version) == installed  # read from the dbt environment, no `dbt --version` run
