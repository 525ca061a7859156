"""Milestone 7: the same script on a cluster, and what it costs."""
import re

import pytest
import yaml

from tests.helpers import PROJECT


def test_cost_estimate_matches_worked_example():
    from disttrain.cloud import Option, cheapest, estimate, scaling_efficiency

    assert scaling_efficiency(1000.0, 7000.0, 8) == pytest.approx(0.875)
    one = Option("1 x A10G", workers=1, price_per_worker_hour=1.0, samples_per_s_per_worker=2000.0)
    eight = Option("8 x A10G", workers=8, price_per_worker_hour=1.0, samples_per_s_per_worker=2000.0, efficiency=0.8)
    # 72 million samples: 1 worker at 2,000/s is 10 h (+0.25 h start-up) -> $10.25;
    # 8 workers at 0.8 efficiency are 12,800/s: 1.5625 h + 0.25 h = 1.8125 h -> 8 x 1.8125 = $14.50.
    e1, e8 = estimate(one, 72e6), estimate(eight, 72e6)
    assert e1["hours"] == pytest.approx(10.25) and e1["cost"] == pytest.approx(10.25)
    assert e8["hours"] == pytest.approx(1.8125) and e8["cost"] == pytest.approx(14.5)
    assert e8["samples_per_s"] == pytest.approx(12800.0)
    # The price counts: spot workers at $0.35 an hour run as fast, for 8 x 1.8125 h x $0.35 = $5.075.
    spot = Option("8 x A10G spot", workers=8, price_per_worker_hour=0.35, samples_per_s_per_worker=2000.0, efficiency=0.8)
    assert estimate(spot, 72e6)["cost"] == pytest.approx(5.075), "cost = hours x workers x price per worker-hour"
    assert cheapest([one, eight, spot], 72e6, deadline_hours=24)["name"] == "8 x A10G spot"
    assert cheapest([eight, one], 72e6, deadline_hours=24)["name"] == "1 x A10G", "the cheapest that meets the deadline"
    assert cheapest([one, eight], 72e6, deadline_hours=4)["name"] == "8 x A10G", "a tighter deadline needs more GPUs"
    assert cheapest([one, eight], 72e6, deadline_hours=1) is None, "nothing finishes in an hour"
    with pytest.raises(ValueError):
        scaling_efficiency(0.0, 10.0, 2)


def test_cluster_files_agree_with_config():
    from disttrain.config import load_config

    raw = yaml.safe_load((PROJECT / "configs" / "cluster.yaml").read_text())
    cluster = raw.get("cluster") or {}
    nodes, per_node = cluster.get("nodes"), cluster.get("gpus_per_node")
    assert isinstance(nodes, int) and isinstance(per_node, int) and nodes >= 2, (
        "configs/cluster.yaml says how many nodes (at least 2) and GPUs per node the run uses"
    )
    cfg = load_config(PROJECT / "configs" / "cluster.yaml")
    world = nodes * per_node
    assert cfg.accum_steps(world) >= 1, "the global batch must be a multiple of micro_batch x world size"
    assert cluster.get("options"), "list the instance options the cost estimate compares"

    script = (PROJECT / "launch" / "slurm.sbatch").read_text()
    sbatch = dict(re.findall(r"^#SBATCH\s+--([\w-]+)=(\S+)", script, flags=re.M))
    assert int(sbatch.get("nodes", 0)) == nodes, "#SBATCH --nodes matches cluster.nodes"
    assert int(re.sub(r"\D", "", sbatch.get("gpus-per-node", sbatch.get("gres", "0")).split(":")[-1]) or 0) == per_node, (
        "#SBATCH --gpus-per-node matches cluster.gpus_per_node"
    )
    joined = re.sub(r"\\\n\s*", " ", script)  # join continued lines
    launch = next((line for line in joined.splitlines() if "torchrun" in line and not line.lstrip().startswith("#")), "")
    assert launch, "the job runs torchrun"
    for flag in ("--nnodes", "--nproc-per-node", "--rdzv-backend", "--rdzv-endpoint"):
        assert flag in launch, f"torchrun needs {flag} on a cluster (one rendezvous for every node)"
    assert re.search(rf"--nproc-per-node[= ]{per_node}\b", launch), "one process per GPU of the node"
    assert "-m disttrain train" in launch and "configs/cluster.yaml" in launch, (
        "it runs this project's trainer with the cluster config"
    )
