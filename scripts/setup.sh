#!/usr/bin/env bash
# Sets up everything the extension and its tests need on a fresh Debian machine:
# Debian packages (Chromium, ripgrep, Kerberos headers for code-server, Python with the ML
# packages the project templates use), the npm dependencies, and the test VS Code.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  chromium libkrb5-dev ripgrep
  python3 python3-pytest python3-numpy python3-scipy python3-pandas python3-sklearn
  python3-matplotlib python3-fastapi python3-httpx python3-uvicorn python3-psutil python3-optuna
  python3-torch python3-torchvision python3-onnx
  # the templates of skills 4-9: vision, medical imaging, serving, research tooling
  python3-opencv opencv-data python3-pydicom python3-skimage python3-prometheus-client
  python3-pycodestyle python3-flake8 python3-yaml python3-hypothesis python3-statsmodels
  python3-networkx python3-nltk python3-pil python3-jinja2 python3-setuptools python3-wheel python3-cryptography
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[setup] apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "[setup] missing Debian packages: ${missing[*]}" >&2
    echo "[setup] install them as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

echo "[setup] npm ci"
# onnxruntime-node (a dev-only benchmark floor) would fetch CUDA files from nuget.org: skip that.
ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund

echo "[setup] test VS Code"
node -e "import('./scripts/test/host.mjs').then((h) => h.provision())"
echo "[setup] done"
