"""Command line (GIVEN): ``python -m mlapi <command>``.

    python -m mlapi train    [--out artifacts/models]          # train and save v1 and v2
    python -m mlapi serve    [--models artifacts/models] [--split v1=0.9,v2=0.1] [--port 8000]
    python -m mlapi loadtest [--url http://127.0.0.1:8000] [--n 500] [--concurrency 8]
    python -m mlapi demo     [--out artifacts]                  # all of it, end to end

``demo`` trains both versions, starts the API on a free port of 127.0.0.1, load-tests it, saves
the report, a scrape of /metrics, the JSON log and a latency plot under ``artifacts/``, and stops the server.
"""
from __future__ import annotations

import argparse
import json
import socket
import threading
import time
from pathlib import Path


def _one_blas_thread() -> None:
    # Tiny models: one BLAS thread is faster than several on a small machine.
    import os

    os.environ.setdefault("OMP_NUM_THREADS", "1")


def train(out: Path, seed: int = 0) -> dict:
    from .data import load_flowers, split
    from .model import save_version, train_version

    X, y = load_flowers()
    X_train, X_test, y_train, y_test = split(X, y, seed=seed)
    results = {}
    for version, kind in (("v1", "logreg"), ("v2", "forest")):
        mv = train_version(version, kind, X_train, y_train, X_test, y_test, seed=seed)
        save_version(mv, out / version)
        results[version] = mv.metrics
        print(f"{version} ({kind}): held-out accuracy {mv.metrics['holdout_accuracy']:.3f} -> {out / version}")
    return results


class BackgroundServer:
    """uvicorn in a thread, on 127.0.0.1 and a port the OS picks; always stop() it."""

    def __init__(self, app, port: int = 0):
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self, timeout: float = 10.0) -> "BackgroundServer":
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                self.stop()
                raise RuntimeError("the API server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self.thread.is_alive():
            self.thread.join(timeout=10)
        self.sock.close()


def demo(out: Path, n: int, concurrency: int) -> dict:
    from .ab import ABRouter
    from .app import create_app
    from .data import example_requests
    from .loadtest import run_load_test
    from .logs import make_logger
    from .model import load_version

    train(out / "models")
    models = {v: load_version(out / "models" / v) for v in ("v1", "v2")}
    log_file = open(out / "api.log", "w")
    app = create_app(models, router=ABRouter({"v1": 0.9, "v2": 0.1}), logger=make_logger(stream=log_file))
    server = BackgroundServer(app).start()
    try:
        bodies = example_requests(n, seed=1)
        bad = [{"user_id": "bad-1", "features": {"sepal_length": -1}}]  # one invalid request
        report = run_load_test(server.url, bodies, concurrency=concurrency)
        run_load_test(server.url, bad, concurrency=1)
        import httpx

        scrape = httpx.get(server.url + "/metrics").text
    finally:
        server.stop()
        log_file.close()
    out.mkdir(parents=True, exist_ok=True)
    report.save(out / "loadtest.json")
    (out / "metrics.prom").write_text(scrape)
    _plot(report, out / "latency.png")
    summary = report.summary()
    print(json.dumps(summary, indent=2))
    print(f"wrote {out / 'loadtest.json'}, {out / 'metrics.prom'}, {out / 'api.log'} and {out / 'latency.png'}")
    return summary


def _plot(report, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.hist(report.latencies_ms, bins=40, color="#4c72b0")
    for q, value in (("p50", report.p50_ms), ("p95", report.p95_ms)):
        ax.axvline(value, color="#c44e52", linestyle="--")
        ax.text(value, ax.get_ylim()[1] * 0.9, f" {q} {value:.1f} ms", color="#c44e52")
    ax.set_xlabel("client-side latency (ms)")
    ax.set_ylabel("requests")
    ax.set_title(f"{report.n_requests} requests, {report.n_errors} errors")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv=None) -> int:
    _one_blas_thread()
    parser = argparse.ArgumentParser(prog="python -m mlapi", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("train")
    p.add_argument("--out", type=Path, default=Path("artifacts/models"))
    p = sub.add_parser("serve")
    p.add_argument("--models", type=Path, default=Path("artifacts/models"))
    p.add_argument("--split", default="v1=0.9,v2=0.1")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p = sub.add_parser("loadtest")
    p.add_argument("--url", default="http://127.0.0.1:8000")
    p.add_argument("--n", type=int, default=500)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--out", type=Path, default=Path("artifacts/loadtest.json"))
    p = sub.add_parser("demo")
    p.add_argument("--out", type=Path, default=Path("artifacts"))
    p.add_argument("--n", type=int, default=400)
    p.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args(argv)

    if args.command == "train":
        train(args.out)
    elif args.command == "serve":
        import uvicorn

        from .app import build_app_from_disk

        uvicorn.run(build_app_from_disk(args.models, args.split), host=args.host, port=args.port)
    elif args.command == "loadtest":
        from .data import example_requests
        from .loadtest import run_load_test

        report = run_load_test(args.url, example_requests(args.n, seed=1), concurrency=args.concurrency)
        report.save(args.out)
        print(json.dumps(report.summary(), indent=2))
        return 1 if report.n_errors else 0
    elif args.command == "demo":
        demo(args.out, args.n, args.concurrency)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
