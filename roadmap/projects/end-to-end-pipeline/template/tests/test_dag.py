"""Milestone 1: read dvc.yaml and order its stages as a DAG."""
import importlib.util
import sys
import textwrap

import pytest

from tests.helpers import PROJECT, TOY_EDGES, make_toy


def isolated_dag(monkeypatch):
    """mlpipe/dag.py loaded afresh while graphlib and networkx cannot be imported."""
    for name in ("graphlib", "networkx"):
        monkeypatch.setitem(sys.modules, name, None)
    spec = importlib.util.spec_from_file_location("mlpipe._dag_isolated", PROJECT / "mlpipe" / "dag.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "mlpipe._dag_isolated", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_load_pipeline_reads_every_field(tmp_path):
    from mlpipe.dag import load_pipeline

    (tmp_path / "dvc.yaml").write_text(textwrap.dedent("""
        stages:
          prepare:
            cmd: python prepare.py
            deps:
              - raw.csv
              - prepare.py
            params:
              - prepare.seed
              - other.yaml:
                  - threshold
            outs:
              - clean.csv
              - cache/:
                  cache: false
          report:
            cmd:
              - python report.py
              - echo done
            deps: [clean.csv]
            metrics:
              - metrics.json:
                  cache: false
            plots:
              - roc.csv:
                  x: fpr
                  y: tpr
    """))
    stages = load_pipeline(tmp_path)
    assert [s.name for s in stages] == ["prepare", "report"], "stages come back in the order they are declared"
    prepare, report = stages
    assert prepare.cmd == "python prepare.py"
    assert prepare.deps == ["raw.csv", "prepare.py"]
    assert prepare.outs == ["clean.csv", "cache/"], "an out written as {path: {options}} is still a path"
    assert prepare.params == {"params.yaml": ["prepare.seed"], "other.yaml": ["threshold"]}, (
        "a plain key comes from params.yaml; {file: [keys]} from that file"
    )
    assert report.cmd == "python report.py && echo done", "a list of commands runs one after the other"
    assert report.outs == ["metrics.json", "roc.csv"], "metrics and plots are outputs too"
    assert report.params == {}


def test_execution_order_respects_dependencies(tmp_path, monkeypatch):
    # Write the ordering yourself: graphlib and networkx are unavailable while it runs.
    dag = isolated_dag(monkeypatch)
    stages = dag.load_pipeline(make_toy(tmp_path / "toy"))
    assert {k: set(v) for k, v in dag.upstream(stages).items()} == TOY_EDGES, (
        "a stage depends on the stages whose outputs it reads"
    )
    order = dag.execution_order(stages)
    assert sorted(order) == sorted(TOY_EDGES), f"every stage exactly once, got {order}"
    for stage, ups in TOY_EDGES.items():
        for up in ups:
            assert order.index(up) < order.index(stage), f"{up} must run before {stage}: {order}"
    assert dag.execution_order(stages) == order, "the order must be the same every time"
    assert set(dag.descendants(stages, "a")) == {"b", "c", "d"}
    assert dag.descendants(stages, "c") == ["d"] and dag.descendants(stages, "e") == []

    chain = tmp_path / "chain"
    chain.mkdir()
    (chain / "dvc.yaml").write_text(textwrap.dedent("""
        stages:
          third: {cmd: x, deps: [out2/two.txt], outs: [three.txt]}
          first: {cmd: x, outs: [out]}
          second: {cmd: x, deps: [out/one.txt], outs: [out2/two.txt]}
    """))
    stages = dag.load_pipeline(chain)
    graph = {k: set(v) for k, v in dag.upstream(stages).items()}
    assert graph["second"] == {"first"}, "a file inside an output folder comes from the stage that writes the folder"
    assert graph["third"] == {"second"}, "out2/two.txt is written by 'second'; it is not inside 'first''s folder out/"
    assert dag.execution_order(stages) == ["first", "second", "third"]


def test_independent_stages_keep_declaration_order(tmp_path, monkeypatch):
    dag = isolated_dag(monkeypatch)
    (tmp_path / "dvc.yaml").write_text(textwrap.dedent("""
        stages:
          zeta: {cmd: x, outs: [z.txt]}
          alpha: {cmd: x, outs: [a.txt]}
          mid: {cmd: x, outs: [m.txt]}
          last: {cmd: x, deps: [z.txt, a.txt], outs: [l.txt]}
    """))
    order = dag.execution_order(dag.load_pipeline(tmp_path))
    assert order[:3] == ["zeta", "alpha", "mid"] and order[3] == "last", (
        f"stages that do not depend on each other run in the order dvc.yaml declares them, got {order}"
    )


def test_cycles_and_duplicate_outputs_are_refused(tmp_path):
    from mlpipe.dag import PipelineError, execution_order, load_pipeline

    (tmp_path / "dvc.yaml").write_text(textwrap.dedent("""
        stages:
          fetch: {cmd: x, outs: [raw.txt]}
          wash: {cmd: x, deps: [raw.txt, folded.txt], outs: [washed.txt]}
          dry: {cmd: x, deps: [washed.txt], outs: [dried.txt]}
          fold: {cmd: x, deps: [dried.txt], outs: [folded.txt]}
    """))
    with pytest.raises(PipelineError) as err:
        execution_order(load_pipeline(tmp_path))
    assert all(name in str(err.value) for name in ("wash", "dry", "fold")), f"say which stages form the cycle: {err.value}"

    (tmp_path / "dvc.yaml").write_text(textwrap.dedent("""
        stages:
          one: {cmd: x, outs: [same.txt]}
          two: {cmd: x, outs: [same.txt]}
    """))
    with pytest.raises(PipelineError):
        execution_order(load_pipeline(tmp_path))
