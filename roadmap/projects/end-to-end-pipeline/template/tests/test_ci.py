"""Milestone 6: a CI/CD workflow that runs the pipeline and the tests, deploys from main, and
monitors on a schedule. GitHub Actions is not run here: the file is read as GitHub reads it, and
its pipeline commands are run for real on a copy of the project."""
import shlex
import subprocess
import sys

import yaml

from tests.helpers import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"


def workflow():
    files = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
    assert files, "put the workflow in .github/workflows/"
    data = yaml.safe_load(files[0].read_text())
    assert isinstance(data, dict) and isinstance(data.get("jobs"), dict) and data["jobs"], "a workflow needs jobs"
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on:` key as True
    if isinstance(triggers, str):
        triggers = {triggers: None}
    elif isinstance(triggers, list):
        triggers = {t: None for t in triggers}
    return data, triggers or {}


def commands(step) -> list:
    return [line.strip() for line in str(step.get("run", "")).splitlines() if line.strip()]


def job_running(jobs, needle):
    for name, job in jobs.items():
        for i, step in enumerate(job.get("steps", [])):
            if any(needle in c for c in commands(step)):
                return name, job, i
    return None, None, None


def test_workflow_runs_pipeline_and_tests():
    data, triggers = workflow()
    assert "push" in triggers and "pull_request" in triggers, f"run on every push and pull request, got {list(triggers)}"
    name, job, test_step = job_running(data["jobs"], "pytest")
    assert job is not None, "a job runs the tests with python -m pytest"
    assert job.get("runs-on"), f"job {name} needs runs-on"
    steps = job["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses), "check the repository out first"
    assert any(u.startswith("actions/setup-python@") for u in uses), "set up Python"
    position = {}
    for i, step in enumerate(steps):
        for c in commands(step):
            if "pip install" in c and "requirements.txt" in c:
                position.setdefault("install", i)
            if c.startswith("python -m mlpipe repro"):
                position.setdefault("repro", i)
    assert "install" in position and "repro" in position, f"job {name}: install requirements.txt, run `python -m mlpipe repro`"
    assert position["install"] < position["repro"] <= test_step, "install, then the pipeline, then the tests"
    pytest_line = next(c for c in commands(steps[test_step]) if "pytest" in c)
    assert shlex.split(pytest_line)[:3] == ["python", "-m", "pytest"], f"run the tests as python -m pytest, got {pytest_line!r}"


def test_workflow_deploys_from_main_and_monitors_on_schedule():
    data, triggers = workflow()
    jobs = data["jobs"]
    test_job, _, _ = job_running(jobs, "pytest")
    name, job, _ = job_running(jobs, "python -m mlpipe deploy")
    assert job is not None, "a job deploys with python -m mlpipe deploy"
    needs = job.get("needs", [])
    needs = [needs] if isinstance(needs, str) else needs
    assert name != test_job and test_job in needs, f"deploy only after the job that runs the tests ({test_job}) passed"
    assert "refs/heads/main" in str(job.get("if", "")), "deploy only from the main branch: if: github.ref == 'refs/heads/main'"
    schedule = triggers.get("schedule") or []
    assert schedule and all("cron" in s for s in schedule), "run on a schedule (cron) to monitor new data"
    monitor_job, mjob, _ = job_running(jobs, "python -m mlpipe monitor --current")
    assert mjob is not None, "a job checks a batch with python -m mlpipe monitor --current ..."
    assert "schedule" in str(mjob.get("if", "schedule")), "the monitoring job runs on the schedule"


def test_workflow_commands_really_run(pipeline_run):
    """The workflow's own repro and deploy lines, run in a copy where the pipeline already ran."""
    root, _, _ = pipeline_run()
    data, _ = workflow()
    lines = []
    for job in data["jobs"].values():
        for step in job.get("steps", []):
            for c in commands(step):
                if c.startswith(("python -m mlpipe repro", "python -m mlpipe deploy")) and c not in lines:
                    lines.append(c)
    assert any(c.startswith("python -m mlpipe repro") for c in lines) and any("deploy" in c for c in lines)
    for line in lines:
        argv = [sys.executable] + shlex.split(line)[1:]
        done = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"`{line}` failed in the project:\n{done.stdout[-800:]}\n{done.stderr[-1500:]}"
        if "repro" in line:
            assert "executed nothing" in done.stdout, f"the pipeline already ran here: `{line}` must find nothing to do"
    assert list((root / "deployments").glob("*/current.json")), "the deploy step published a model"
