"""Helpers the tests share. ``ddp_worker`` is what each spawned process runs: it plays torchrun's
part (the RANK / WORLD_SIZE / LOCAL_RANK variables), watches what your code does through a few
spies, and records it in a JSON file per rank."""
from __future__ import annotations

import json
import os
import traceback
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
HELD_OUT_SEED = 99  # the tests' own data: never what the training uses
RUN = dict(out_dir="", log_every=0)  # filled in per run


def _install_spies(record: dict) -> None:
    """Count DDP wrappers, no_sync() blocks, torch.save calls and file renames of this process,
    and note which training samples its model computed on (the classes themselves are patched,
    so every way of importing them is seen)."""
    import torch
    from torch.nn.parallel import DistributedDataParallel as DDP

    from disttrain.model import Net

    real_init, real_no_sync, real_save = DDP.__init__, DDP.no_sync, torch.save
    real_forward, real_replace, real_rename = Net.forward, os.replace, os.rename

    def spy_init(self, *args, **kwargs):
        record["ddp_wraps"] += 1
        real_init(self, *args, **kwargs)

    def spy_no_sync(self):
        record["no_sync_enters"] += 1
        return real_no_sync(self)

    def spy_save(obj, f, *args, **kwargs):
        target = f if isinstance(f, (str, os.PathLike)) else getattr(f, "name", f)  # a path, or an open file's
        record["saves"].append(str(target))
        return real_save(obj, f, *args, **kwargs)

    def spy_forward(self, x, *args, **kwargs):
        if self.training and torch.is_grad_enabled():  # a training micro-batch: key its rows by their first feature
            record["forward_rows"].append(x[:, 0].tolist())
        return real_forward(self, x, *args, **kwargs)

    def spy_replace(src, dst, *args, **kwargs):
        record["renames"].append(str(dst))
        return real_replace(src, dst, *args, **kwargs)

    def spy_rename(src, dst, *args, **kwargs):
        record["renames"].append(str(dst))
        return real_rename(src, dst, *args, **kwargs)

    DDP.__init__, DDP.no_sync, torch.save = spy_init, spy_no_sync, spy_save
    Net.forward, os.replace, os.rename = spy_forward, spy_replace, spy_rename


def ddp_worker(rank: int, world: int, store: str, records: str, cfg: dict) -> None:
    os.environ.update(RANK=str(rank), WORLD_SIZE=str(world), LOCAL_RANK=str(rank),
                      GLOO_SOCKET_IFNAME="lo", CUDA_VISIBLE_DEVICES="")
    import psutil
    import torch

    torch.set_num_threads(1)
    record = {"rank": rank, "pid": os.getpid(), "ddp_wraps": 0, "no_sync_enters": 0, "saves": [], "renames": [],
              "forward_rows": []}
    path = Path(records) / f"rank{rank}.json"

    def dump():
        path.write_text(json.dumps(record, indent=2))

    _install_spies(record)
    from disttrain.config import TrainConfig
    from disttrain.dist import all_gather_object, all_reduce_mean, cleanup, setup

    try:
        info = setup(init_method=f"file://{store}", timeout_s=90)
        record["info"] = {"rank": info.rank, "world_size": info.world_size, "device": str(info.device)}
        given = torch.tensor([rank + 1.0, 10.0 * rank])
        mean = all_reduce_mean(given)
        record["all_reduce_mean"] = mean.tolist()
        record["input_after"] = given.tolist()
        record["gathered"] = all_gather_object({"rank": rank, "pid": os.getpid()})
        dump()
        from disttrain.train import train

        result = train(TrainConfig(**cfg), info)
        record["train"] = {"steps": result.steps, "accum_steps": result.accum_steps, "n_losses": len(result.losses),
                           "losses": [float(v) for v in result.losses]}
        record["rss_mb_end"] = psutil.Process().memory_info().rss / 2**20
    except BaseException:
        record["error"] = traceback.format_exc()
        dump()
        raise
    finally:
        cleanup()
    dump()


def read_records(records: Path) -> dict:
    out = {}
    for p in sorted(Path(records).glob("rank*.json")):
        data = json.loads(p.read_text())
        out[data["rank"]] = data
    return out
