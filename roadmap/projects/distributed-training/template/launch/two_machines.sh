#!/bin/bash
# The same job on two machines you can ssh into, without a scheduler (GIVEN).
#   on machine A (10.0.0.1):  NODE_RANK=0 bash launch/two_machines.sh 10.0.0.1
#   on machine B:             NODE_RANK=1 bash launch/two_machines.sh 10.0.0.1
# Both must reach 10.0.0.1:29500 and see the same out_dir (an NFS share, or a bucket you sync).
set -euo pipefail
MASTER=${1:?usage: NODE_RANK=0|1 bash launch/two_machines.sh <address of machine A>}
GPUS=$(python -c "import torch; print(max(1, torch.cuda.device_count()))")
torchrun \
  --nnodes=2 \
  --nproc-per-node="$GPUS" \
  --node-rank="${NODE_RANK:?set NODE_RANK=0 on machine A and 1 on machine B}" \
  --rdzv-id=disttrain-demo \
  --rdzv-backend=c10d \
  --rdzv-endpoint="$MASTER:29500" \
  -m disttrain train --config configs/cluster.yaml --resume latest
