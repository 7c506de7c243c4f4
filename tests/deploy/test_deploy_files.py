"""The production profile's files agree with each other and with the code: deploy/dagster.yaml,
docker-compose.yaml, workspace.yaml, Dockerfile, helm/values.yaml and docs/deployment.md. Offline: no Docker,
no Helm, no cluster; deploy/dagster.yaml's behaviour on a real PostgreSQL is test_instance_postgres.py's."""

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from dagster._core.instance.config import dagster_instance_config

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DAGSTER_SERVICES = ("code-location", "webserver", "daemon")
# Variables read by tools rather than by our code.
TOOL_VARIABLES = {"DBT_SEND_ANONYMOUS_USAGE_STATS", "DO_NOT_TRACK", "OPENAI_BASE_URL", "OPENAI_API_KEY"}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def instance_yaml() -> dict:
    return load(DEPLOY / "dagster.yaml")


@pytest.fixture(scope="module")
def compose() -> dict:
    return load(DEPLOY / "docker-compose.yaml")


@pytest.fixture(scope="module")
def values() -> dict:
    return load(DEPLOY / "helm" / "values.yaml")


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return (DEPLOY / "Dockerfile").read_text(encoding="utf-8")


def env_sources(node: object) -> Iterator[str]:
    """The variable names of every `{env: NAME}` in a Dagster config tree."""
    if isinstance(node, dict):
        if set(node) == {"env"}:
            yield node["env"]
        for value in node.values():
            yield from env_sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from env_sources(value)


def variables_read_by_code() -> set[str]:
    """Every FIELDVOICE_* name spelled in the code location's Python and in the dbt project."""
    files = [p for d in ("fieldvoice", "orchestration", "assets") for p in (ROOT / d).rglob("*.py")]
    files += [*(ROOT / "dbt_project").glob("*.yml"), *(ROOT / "dbt_project" / "macros").rglob("*.sql")]
    return {name for f in files for name in re.findall(r"\bFIELDVOICE_[A-Z0-9_]*[A-Z0-9]\b", f.read_text("utf-8"))}


def profile_variables() -> set[str]:
    """What dbt's `postgres` output reads from the environment."""
    postgres = load(ROOT / "dbt_project" / "profiles.yml")["fieldvoice"]["outputs"]["postgres"]
    return {name for value in postgres.values() for name in re.findall(r"env_var\('(\w+)'", str(value))}


def grpc_args(command: list[str]) -> dict[str, str]:
    return {flag: command[i + 1] for i, flag in enumerate(command[:-1]) if flag in ("-h", "-p", "-m", "-a")}


def dockerfile_cmd(dockerfile: str) -> list[str]:
    return yaml.safe_load(re.search(r"^CMD (\[.*\])$", dockerfile, re.M)[1])


def test_instance_yaml_is_valid_config_on_postgres(instance_yaml: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    names = set(env_sources(instance_yaml))
    assert names == {f"DAGSTER_PG_{part}" for part in ("HOST", "PORT", "USER", "PASSWORD", "DB")}
    for name in names:
        monkeypatch.setenv(name, "5432" if name.endswith("PORT") else "x")
    config, _ = dagster_instance_config(str(DEPLOY), "dagster.yaml")
    assert set(config["storage"]) == {"postgres"}
    assert config["storage"]["postgres"]["postgres_db"]["scheme"] == "postgresql+psycopg2"
    assert config["run_coordinator"]["class"] == "QueuedRunCoordinator"
    assert config["concurrency"]["runs"]["max_concurrent_runs"] >= 1
    assert config["concurrency"]["pools"]["default_limit"] == 1  # DuckDB's single writer, one dbt build
    assert config["telemetry"]["enabled"] is False
    assert config["run_retries"]["enabled"] and not config["run_retries"]["retry_on_asset_or_op_failure"]


def test_every_dagster_process_gets_the_storage_credentials(instance_yaml: dict, compose: dict) -> None:
    needed = set(env_sources(instance_yaml))
    for name in DAGSTER_SERVICES:
        assert needed <= set(compose["services"][name]["environment"]), name


def test_only_the_loopback_interface_is_published(compose: dict) -> None:
    published = []
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            host_ip = port.get("host_ip") if isinstance(port, dict) else str(port).rsplit(":", 2)[0]
            assert host_ip == "127.0.0.1", (name, port)
            published.append(name)
    assert published == ["webserver"]


def test_secrets_are_never_literal(compose: dict, values: dict) -> None:
    def secret_like(name: str) -> bool:
        return bool(re.search(r"PASSWORD|SALT|API_KEY|TOKEN", name.upper()))

    for name, service in compose["services"].items():
        for variable, value in service.get("environment", {}).items():
            if secret_like(variable):
                assert str(value).startswith("${"), (name, variable)  # from deploy/.env, never the file

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if secret_like(key) and isinstance(value, str):
                    assert value == "", f"{path}.{key}"  # from a Kubernetes Secret
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, path)

    walk(values, "values")


def test_one_image_one_code_location_one_grpc_port(compose: dict, values: dict, dockerfile: str) -> None:
    services = compose["services"]
    image = services["code-location"]["image"]
    assert all(services[name]["image"] == image for name in DAGSTER_SERVICES)
    assert services["code-location"]["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (DEPLOY / services["code-location"]["build"]["context"] / "uv.lock").is_file()

    local = load(ROOT / "workspace.yaml")["load_from"][0]["python_module"]
    remote = load(DEPLOY / "workspace.yaml")["load_from"][0]["grpc_server"]
    served = grpc_args(services["code-location"]["command"])
    assert grpc_args(dockerfile_cmd(dockerfile)) == served
    assert (served["-m"], served["-a"]) == (local["module_name"], local["attribute"])
    assert remote == {"host": "code-location", "port": int(served["-p"]), "location_name": local["location_name"]}
    assert f"EXPOSE {served['-p']}" in dockerfile
    assert str(served["-p"]) in services["code-location"]["healthcheck"]["test"]
    for name in ("webserver", "daemon"):
        assert "/opt/fieldvoice/deploy/workspace.yaml" in services[name]["command"]

    (deployment,) = values["dagster-user-deployments"]["deployments"]
    assert deployment["image"]["repository"] == image.split(":")[0]
    assert deployment["port"] == int(served["-p"])
    assert grpc_args(["-h", "-", "-p", "-", *deployment["dagsterApiGrpcArgs"]])["-m"] == served["-m"]


def test_code_location_variables_are_the_ones_the_code_reads(compose: dict, values: dict, dockerfile: str) -> None:
    known = variables_read_by_code() | TOOL_VARIABLES
    compose_env = set(compose["services"]["code-location"]["environment"])
    helm_env = set(values["dagster-user-deployments"]["deployments"][0]["env"])
    docker_env = set(re.findall(r"\b(FIELDVOICE_\w+)=", dockerfile))
    for where, names in (("compose", compose_env), ("helm", helm_env), ("Dockerfile", docker_env)):
        unknown = {n for n in names if not n.startswith("DAGSTER_")} - known
        assert not unknown, (where, unknown)
    # dbt's postgres target reaches the warehouse: every variable it reads is provided
    assert profile_variables() <= compose_env
    docs = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    secret_keys = set(re.findall(r"--from-literal=(\w+)=", docs))
    assert profile_variables() <= helm_env | secret_keys
    assert {"FIELDVOICE_PSEUDONYM_SALT", "FIELDVOICE_PG_PASSWORD"} <= secret_keys
    assert compose["services"]["code-location"]["environment"]["FIELDVOICE_WAREHOUSE"] == "postgres"
    assert values["dagster-user-deployments"]["deployments"][0]["env"]["FIELDVOICE_WAREHOUSE"] == "postgres"


def check_keys(node: object, allowed: object, path: str) -> Iterator[str]:
    """Paths in `node` that the chart key excerpt does not allow."""
    if allowed is None:
        return
    if isinstance(allowed, list):
        assert isinstance(node, list), path
        for i, item in enumerate(node):
            yield from check_keys(item, allowed[0], f"{path}[{i}]")
        return
    assert isinstance(node, dict), path
    for key, value in node.items():
        if key not in allowed:
            yield f"{path}.{key}"
        else:
            yield from check_keys(value, allowed[key], f"{path}.{key}")


def test_helm_values_use_only_the_charts_keys(values: dict) -> None:
    allowed = load(Path(__file__).with_name("dagster_chart_keys.yaml"))
    assert list(check_keys(values, allowed, "values")) == []
    # and the check bites
    assert list(check_keys({"dagsterDaemon": {"runRetry": {}}}, allowed, "v")) == ["v.dagsterDaemon.runRetry"]


def test_helm_instance_matches_deploy_dagster_yaml(
    values: dict, instance_yaml: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chart renders dagster.yaml from the values: the parts that decide behaviour must say what
    deploy/dagster.yaml says, and the result must be a config Dagster accepts (no run queue limits in both
    run_coordinator and concurrency, which the daemon refuses)."""
    extra = values["additionalInstanceConfig"]
    assert extra["concurrency"] == instance_yaml["concurrency"]
    assert extra["run_retries"] == instance_yaml["run_retries"]
    assert values["dagsterDaemon"]["runRetries"]["enabled"] is False  # or the chart writes run_retries twice
    queue = values["dagsterDaemon"]["runCoordinator"]
    assert queue["enabled"] and queue["type"] == "QueuedRunCoordinator"
    assert all(v is None for v in queue["config"]["queuedRunCoordinator"].values())
    monitoring = values["dagsterDaemon"]["runMonitoring"]
    snake = {re.sub(r"([A-Z])", r"_\1", k).lower(): v for k, v in monitoring.items()}
    assert snake == instance_yaml["run_monitoring"]
    retention = {k: {"purge_after_days": v["purgeAfterDays"]} for k, v in values["retention"].items() if k != "enabled"}
    assert values["retention"]["enabled"] and retention == instance_yaml["retention"]
    assert values["telemetry"]["enabled"] is False
    assert values["postgresql"]["postgresqlScheme"] == instance_yaml["storage"]["postgres"]["postgres_db"]["scheme"]
    assert values["runLauncher"]["type"] == "K8sRunLauncher"
    assert values["generatePostgresqlPasswordSecret"] is False and values["global"]["postgresqlSecretName"]

    # What the chart's configmap-instance.yaml template makes of these values (the parts it renders from them).
    rendered = {
        "run_coordinator": {"module": "dagster.core.run_coordinator", "class": "QueuedRunCoordinator"},
        "run_monitoring": snake,
        "retention": retention,
        "telemetry": {"enabled": False},
        **extra,
    }
    (tmp_path / "dagster.yaml").write_text(yaml.safe_dump(rendered), encoding="utf-8")
    config, _ = dagster_instance_config(str(tmp_path), "dagster.yaml")
    assert (
        config["concurrency"]["runs"]["max_concurrent_runs"]
        == instance_yaml["concurrency"]["runs"]["max_concurrent_runs"]
    )


def test_image_is_built_from_the_lock_with_both_environments(dockerfile: str) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11", dockerfile, re.M)
    uv_pin = re.search(r"uv==([\d.]+)", makefile)[1]
    assert f"UV_VERSION={uv_pin}" in dockerfile  # the uv the Makefile installs
    assert "COPY pyproject.toml uv.lock" in dockerfile
    syncs = re.findall(r"uv sync [^\n&]*", dockerfile)
    assert syncs and all("--frozen" in s and ("--no-dev" in s or "--only-group dbt" in s) for s in syncs)
    assert "UV_PROJECT_ENVIRONMENT=.venv-dbt uv sync --frozen --only-group dbt" in dockerfile
    assert "dagster-dbt project prepare-and-package --file orchestration/dbt_project.py" in dockerfile
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.M)
    assert 'cp deploy/dagster.yaml "$DAGSTER_HOME/dagster.yaml"' in dockerfile
    # what the code location reads at run time is in the image
    for folder in ("fieldvoice", "assets", "orchestration", "dbt_project", "expectations", "taxonomy", "config"):
        assert (ROOT / folder).is_dir() and f"COPY {folder} ./{folder}" in dockerfile, folder


def test_versions_agree_with_the_lock(values: dict, dockerfile: str) -> None:
    """The chart version is the pinned dagster's; the dagster-k8s build arg is the pinned libraries' release."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = dict(re.match(r"([\w-]+)(?:\[\w+\])?==([\w.]+)", d).groups() for d in dependencies)
    docs = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    header = (DEPLOY / "helm" / "values.yaml").read_text(encoding="utf-8")
    for text in (docs, header):
        assert set(re.findall(r"--version ([\d.]+)", text)) == {pins["dagster"]}
        assert set(re.findall(r"dagster-k8s==([\d.]+)", text)) == {pins["dagster-postgres"]}
    assert set(re.findall(r"dagster-k8s==([\d.]+)", dockerfile)) == {pins["dagster-postgres"]}
