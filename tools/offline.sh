#!/usr/bin/env bash
# Run a command with the network cut: a new network namespace whose only
# interface is loopback (Jupyter kernels talk to pytest over 127.0.0.1).
# Proves that nothing the command runs fetches anything from the network.
#   tools/offline.sh python3 dev.py test
# Needs root (or unprivileged user namespaces); fails loudly if it cannot cut the network.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: tools/offline.sh COMMAND [ARGS...]" >&2
  exit 2
fi
if [ "$(id -u)" -eq 0 ]; then
  ns=(unshare --net)
else
  ns=(unshare --net --map-root-user)
fi
exec "${ns[@]}" bash -c '
  set -euo pipefail
  ip link set lo up
  others=$(ip -o link show | awk -F": " "{print \$2}" | grep -vx lo || true)
  if [ -n "$others" ] || [ -n "$(ip route show default)" ]; then
    echo "offline.sh: network not cut (interfaces: $others)" >&2
    exit 3
  fi
  echo "offline.sh: network cut (only loopback is up)"
  export LINREG_OFFLINE=1
  exec "$@"
' offline "$@"
