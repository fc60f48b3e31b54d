"""Memory of one learner on a JupyterHub: a throwaway hub (tools/hub.py) on 127.0.0.1 starts
``learners`` servers, each opens notebook 00 and imports torch, matplotlib and helpers in a kernel,
as the notebooks do first; then the resident memory (RSS) and the proportional share (PSS: shared
libraries split between the processes that map them) of each server with its kernel is printed.

    .venv/bin/python tools/hub_memory.py [learners]     (default 2; about 20 s)
"""

import sys
import tempfile
from pathlib import Path

import psutil
from hub import Hub

MIB = 2**20


def learner_memory(process: psutil.Process) -> tuple[float, float]:
    """RSS and PSS in MiB of a single-user server and the processes under it (its kernel)."""
    rss = pss = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            info = p.memory_full_info()
        except psutil.NoSuchProcess:  # a short-lived helper (jupyter-lsp's npm) already gone
            continue
        rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss)
    return rss / MIB, pss / MIB


def main(learners: int) -> None:
    users = [f"learner{i}" for i in range(1, learners + 1)]
    with (
        tempfile.TemporaryDirectory() as folder,
        Hub(Path(folder), users=users, timeout=30 + 10 * learners) as hub,
    ):
        hub.create_users()
        seconds = hub.start_servers()
        print(f"{learners} servers ready {seconds:.1f} s after the request")
        for user in users:
            hub.run(user, "00_start_here.ipynb", "import torch, matplotlib, helpers")
        for user in users:
            pid = hub.api("GET", f"/hub/api/users/{user}").json()["servers"][""]["state"]["pid"]
            rss, pss = learner_memory(psutil.Process(pid))
            print(f"{user}: server + kernel {rss:.0f} MiB RSS, {pss:.0f} MiB PSS")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
