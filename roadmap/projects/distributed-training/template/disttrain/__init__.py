"""disttrain: data-parallel training with torch.distributed, from a laptop to a cluster."""

__version__ = "0.1.0"
