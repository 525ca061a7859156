"""Milestone 4: mixed precision (bfloat16 autocast on CPU)."""
import torch

from disttrain.data import make_tensors
from disttrain.model import Net, accuracy
from tests.conftest import DDP_CONFIG
from tests.helpers import HELD_OUT_SEED

ACCURACY_BAR = 0.75


def test_autocast_runs_in_bfloat16_on_cpu():
    from disttrain.amp import autocast, make_scaler

    net = Net()
    x = torch.randn(8, 16)
    cpu = torch.device("cpu")
    with autocast(cpu, enabled=True):
        out = net(x)
    assert out.dtype == torch.bfloat16, f"under autocast on CPU the linear layers compute in bfloat16, got {out.dtype}"
    assert all(p.dtype == torch.float32 for p in net.parameters()), "autocast leaves the weights in float32"
    with autocast(cpu, enabled=False):
        assert net(x).dtype == torch.float32
    assert not make_scaler(cpu, enabled=True).is_enabled(), "bfloat16 needs no GradScaler (it keeps float32's range)"


def test_amp_training_keeps_float32_weights(tmp_path, reference_run):
    from disttrain.config import TrainConfig
    from disttrain.dist import DistInfo
    from disttrain.train import train

    cfg = TrainConfig(**dict(DDP_CONFIG, micro_batch=128, amp=True, checkpoint_every=0, out_dir=str(tmp_path)))
    train(cfg, DistInfo(rank=0, world_size=1, local_rank=0, device=torch.device("cpu")))
    state = torch.load(tmp_path / "final.pt")
    assert all(v.dtype == torch.float32 for v in state.values()), "the master weights stay float32"
    ref_out, _ = reference_run()
    fp32 = torch.load(ref_out / "final.pt")
    assert any(not torch.equal(state[k], fp32[k]) for k in state), "with amp=True the forward pass must run under autocast"
    net = Net()
    net.load_state_dict(state)
    X, y = make_tensors(4000, seed=HELD_OUT_SEED)
    assert accuracy(net, X, y) >= ACCURACY_BAR, "bfloat16 training must still learn the task"
