"""Fixtures shared by the tests. They never call your code: that happens inside the tests.

The tests run on CPU with one thread (the GPUs are hidden from them); the 2-process run uses the
gloo backend over a FileStore and the loopback interface, so nothing listens on the network.
"""
import os

os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ.setdefault("OMP_NUM_THREADS", "1")

import time  # noqa: E402

import pytest  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)

# The run every 2-process test looks at: 4 epochs of 16 steps, global batch 128 = 32 x 2 ranks x 2 micro-batches.
DDP_CONFIG = dict(micro_batch=32, global_batch=128, epochs=4, lr=0.2, checkpoint_every=20, log_every=0)
WORLD = 2


@pytest.fixture(scope="session")
def ddp_run(tmp_path_factory):
    """A function that runs YOUR train() on 2 spawned processes once and returns (out_dir, records).

    Records are per rank (what the spies saw); they are there even when training failed, as long
    as the process group came up.
    """
    cache = {}
    contexts = []

    def get():
        if "error" in cache:
            raise AssertionError(f"the 2-process run failed earlier in this session:\n{cache['error']}")
        if not cache:
            import torch.multiprocessing as mp

            from disttrain.dist import info_from_env
            from tests.helpers import ddp_worker, read_records

            base = tmp_path_factory.mktemp("ddp")
            out, records = base / "run", base / "records"
            records.mkdir()
            cache["records_dir"] = records
            try:
                info_from_env({"RANK": "1", "WORLD_SIZE": "2", "LOCAL_RANK": "1"})  # fail fast, before spawning
                ctx = mp.start_processes(ddp_worker, args=(WORLD, str(base / "store"), str(records), dict(DDP_CONFIG, out_dir=str(out))),
                                         nprocs=WORLD, join=False, start_method="spawn")
                contexts.append(ctx)
                deadline = time.monotonic() + 300
                while not ctx.join(timeout=1):
                    if time.monotonic() > deadline:
                        raise TimeoutError("the 2-process run did not finish in 300 s")
            except BaseException as e:
                cache["error"] = f"{type(e).__name__}: {e}"
                cache["partial"] = read_records(records)
                raise
            cache.update(out=out, records=read_records(records))
        return cache["out"], cache["records"]

    def partial():
        """The records of the run, even of a failed one (for the collectives test)."""
        try:
            get()
        except BaseException:
            pass
        return cache.get("records") or cache.get("partial") or {}

    get.partial = partial
    yield get
    for ctx in contexts:  # never leave a process behind
        for p in ctx.processes:
            if p.is_alive():
                p.kill()
                p.join(5)


@pytest.fixture(scope="session")
def reference_run(tmp_path_factory):
    """A function that runs YOUR train() in this process (world size 1, one 128-sample micro-batch per step), once."""
    cache = {}

    def get():
        if not cache:
            from disttrain.config import TrainConfig
            from disttrain.dist import DistInfo
            from disttrain.train import train

            out = tmp_path_factory.mktemp("reference") / "run"
            cfg = TrainConfig(**dict(DDP_CONFIG, micro_batch=128, out_dir=str(out)))
            result = train(cfg, DistInfo(rank=0, world_size=1, local_rank=0, device=torch.device("cpu")))
            cache.update(out=out, result=result)
        return cache["out"], cache["result"]

    return get
