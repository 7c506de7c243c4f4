"""One clean pipeline run shared by the fault and security tests: a generated day with planted personal data and
formulas, the LLM configured against the fake OpenAI server with a recognisable secret key."""

import shutil
from collections.abc import Iterator

import pytest

from tests.fakes.openai_server import FakeOpenAI
from tests.prove.plant import plant
from tests.prove.project import DAILY, DAY, REFERENCE, SECRET, CleanRun, new_project, run_jobs


@pytest.fixture(scope="session")
def fake_llm() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI().start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def clean_run(tmp_path_factory: pytest.TempPathFactory, fake_llm: FakeOpenAI) -> CleanRun:
    project = new_project(
        tmp_path_factory.mktemp("clean"),
        OPENAI_BASE_URL=fake_llm.url,
        OPENAI_API_KEY=SECRET,
        FIELDVOICE_LLM_MODEL="fake-model",
        FIELDVOICE_LLM_TIMEOUT="10",
        FIELDQA_PSEUDONYM_SALT="prove-salt",  # so that the shareable scorecard CSV is written too
    )
    planted = plant(project.landing / DAY.isoformat())
    results = run_jobs(project, REFERENCE, "clean-reference")
    after_reference = project.root / "after_reference.duckdb"
    shutil.copy(project.warehouse, after_reference)
    results += run_jobs(project, DAILY, "clean-daily")
    assert all(r["success"] for r in results), [r["failures"] for r in results]
    return CleanRun(project, planted, fake_llm, results, after_reference)
