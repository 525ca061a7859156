"""Milestone 7: the monitoring stack's files parse and fit together (no Docker needed).

The compose file, Prometheus' configuration, the alert rules and the Grafana dashboard are read
the way docker compose, Prometheus and Grafana would read them, and every metric they query
must exist in what YOUR app really exposes on /metrics.
"""
import json
from pathlib import PurePosixPath

import yaml
from fastapi.testclient import TestClient

from tests.helpers import PROJECT, StubVersion, body, promql_metric_names, samples

DEPLOY = PROJECT / "deploy"


def compose():
    data = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    assert isinstance(data, dict) and isinstance(data.get("services"), dict), "docker-compose.yml needs services:"
    return data["services"]


def mounts(service: dict) -> dict:
    """container path -> host path (resolved against deploy/, like compose does)."""
    out = {}
    for v in service.get("volumes", []) or []:
        if isinstance(v, str):
            parts = v.split(":")
            if len(parts) >= 2 and parts[0].startswith((".", "/")):
                out[parts[1]] = (DEPLOY / parts[0]).resolve()
        elif isinstance(v, dict) and v.get("type", "bind") == "bind" and "source" in v:
            out[v["target"]] = (DEPLOY / v["source"]).resolve()
    return out


def container_ports(service: dict) -> set:
    ports = set()
    for p in service.get("ports", []) or []:
        if isinstance(p, dict):
            ports.add(int(p["target"]))
        else:
            ports.add(int(str(p).split("/")[0].split(":")[-1]))
    for p in service.get("expose", []) or []:
        ports.add(int(p))
    return ports


def depends(service: dict) -> set:
    d = service.get("depends_on", []) or []
    return set(d if isinstance(d, list) else d.keys())


def real_metric_names():
    """Every sample name your app exposes after some traffic of every kind."""
    from mlapi.app import create_app

    client = TestClient(create_app({"v1": StubVersion("v1", fail_every=2)}))
    client.post("/predict", json=body())
    client.post("/predict", json=body())  # the stub fails this one: a server error
    client.post("/predict", json=body(petal_length=-1))  # a validation error
    client.get("/models/v1")
    names = {n for n, _, _ in samples(client.get("/metrics").text)}
    assert "mlapi_http_requests_total" in names, "finish milestone 3 first: /metrics shows no request counter"
    return names


def prometheus_config():
    prom = compose()["prometheus"]
    mounted = mounts(prom)
    host = mounted.get("/etc/prometheus/prometheus.yml")
    assert host is not None and host.is_file(), (
        f"mount a prometheus.yml that exists at /etc/prometheus/prometheus.yml, got mounts {mounted}"
    )
    return yaml.safe_load(host.read_text()), mounted


def test_compose_file_wires_api_prometheus_grafana():
    services = compose()
    assert {"api", "prometheus", "grafana"} <= set(services), f"services: {sorted(services)}"
    api = services["api"]
    build = api.get("build")
    context = build if isinstance(build, str) else (build or {}).get("context")
    assert context and (DEPLOY / context / "Dockerfile").resolve().is_file(), "the api service builds this project's Dockerfile"
    assert 8000 in container_ports(api), "the api container listens on 8000"
    assert "prometheus" in str(services["prometheus"].get("image", "")), "use the prom/prometheus image"
    assert "grafana" in str(services["grafana"].get("image", "")), "use the grafana/grafana image"
    assert 9090 in container_ports(services["prometheus"]) and 3000 in container_ports(services["grafana"])
    assert "prometheus" in depends(services["grafana"]), "grafana depends_on prometheus"

    grafana = mounts(services["grafana"])
    provisioning = grafana.get("/etc/grafana/provisioning")
    assert provisioning is not None and (provisioning / "datasources").is_dir() and (provisioning / "dashboards").is_dir(), (
        f"mount deploy/grafana/provisioning at /etc/grafana/provisioning, got {grafana}"
    )
    provider = yaml.safe_load(next((provisioning / "dashboards").glob("*.yml")).read_text())
    path = provider["providers"][0]["options"]["path"]
    folder = grafana.get(path)
    assert folder is not None and any(folder.glob("*.json")), (
        f"mount the folder with the dashboard JSON at {path}, where the provisioning looks for it"
    )


def test_prometheus_scrapes_the_api():
    services = compose()
    config, _ = prometheus_config()
    jobs = config.get("scrape_configs") or []
    targets = [(job, t) for job in jobs for sc in job.get("static_configs", []) for t in sc.get("targets", [])]
    api_targets = [(job, t) for job, t in targets if t.split(":")[0] == "api"]
    assert api_targets, f"scrape the compose service 'api' (targets are service:port), got {[t for _, t in targets]}"
    job, target = api_targets[0]
    assert int(target.split(":")[1]) in container_ports(services["api"]), f"{target} is not a port the api listens on"
    assert job.get("metrics_path", "/metrics") == "/metrics"
    interval = str(job.get("scrape_interval", (config.get("global") or {}).get("scrape_interval", "1m")))
    assert interval.endswith("s") and int(interval[:-1]) <= 15, f"scrape at least every 15 s for a live dashboard, got {interval}"
    ds = yaml.safe_load((DEPLOY / "grafana/provisioning/datasources/prometheus.yml").read_text())["datasources"][0]
    assert ds["url"].split("//")[1].split(":")[0] in services, "grafana's data source points at a compose service"


def test_dashboard_queries_reference_real_metrics():
    real = real_metric_names()
    dashboards = list((DEPLOY / "grafana/dashboards").glob("*.json"))
    assert dashboards, "put the dashboard JSON in deploy/grafana/dashboards/"
    dash = json.loads(dashboards[0].read_text())
    panels = []
    for p in dash.get("panels", []):
        panels.append(p)
        panels.extend(p.get("panels", []))  # panels folded inside a row
    panels = [p for p in panels if p.get("targets")]
    assert len(panels) >= 4, f"the dashboard needs at least 4 panels with queries, has {len(panels)}"
    assert len({p.get("id") for p in panels}) == len(panels), "panel ids must be unique"
    uid = yaml.safe_load((DEPLOY / "grafana/provisioning/datasources/prometheus.yml").read_text())["datasources"][0]["uid"]
    used = set()
    for p in panels:
        for t in p["targets"]:
            ds = t.get("datasource") or p.get("datasource") or {}
            assert isinstance(ds, dict) and ds.get("uid") == uid, f"panel {p.get('title')!r}: use the data source uid {uid!r}"
            expr = t.get("expr", "")
            assert expr.count("(") == expr.count(")"), f"unbalanced parentheses in {expr!r}"
            names = promql_metric_names(expr)
            assert names, f"panel {p.get('title')!r} queries no metric: {expr!r}"
            missing = names - real
            assert not missing, f"panel {p.get('title')!r} queries {sorted(missing)}, which your /metrics does not expose"
            used |= names
            if "_bucket" in expr:
                assert "histogram_quantile" in expr and "le" in expr, f"quantiles come from histogram_quantile over le: {expr!r}"
    for needed in ("mlapi_http_requests_total", "mlapi_http_request_duration_seconds_bucket",
                   "mlapi_predictions_total", "mlapi_errors_total"):
        assert needed in used, f"the dashboard must show {needed} (traffic, latency quantiles, predictions, errors)"


def test_alert_rules_reference_real_metrics():
    real = real_metric_names()
    config, mounted = prometheus_config()
    files = config.get("rule_files") or []
    assert files, "prometheus.yml must load alert rules (rule_files)"
    rules = []
    for f in files:
        host = mounted.get(f) or mounted.get(str(PurePosixPath("/etc/prometheus") / f))
        assert host is not None and host.is_file(), f"rule file {f} is not mounted into the prometheus container"
        for group in yaml.safe_load(host.read_text()).get("groups", []):
            rules.extend(group.get("rules", []))
    alerts = [r for r in rules if "alert" in r]
    assert len(alerts) >= 2, "write at least two alerts: server errors and slow predictions"
    used = set()
    for r in alerts:
        assert r.get("expr") and r.get("for"), f"alert {r.get('alert')} needs an expr and a for: duration"
        names = promql_metric_names(r["expr"])
        assert names and not (names - real), f"alert {r['alert']} queries {sorted(names - real)} which /metrics does not expose"
        used |= names
    assert "mlapi_errors_total" in used and "mlapi_http_request_duration_seconds_bucket" in used, (
        "one alert on the error counter, one on the latency histogram"
    )
