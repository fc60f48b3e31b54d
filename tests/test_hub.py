"""A real JupyterHub, offline on 127.0.0.1 (slow): the classroom settings of
``classroom/jupyterhub_config.py``, two learners, each server opens notebook 00 through the proxy
and runs a cell that imports torch and helpers in a kernel; a wrong password is refused; stopped
with SIGTERM, the hub ends everything it started (``tools/hub.py`` records every process and, pass
or fail, kills what is left)."""

import os
import re
import signal
import sys

import pytest
import requests
from hub import PASSWORD, Hub, alive, command_line  # tools/hub.py

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]
USERS = ["ada", "grace"]
CELL = (
    "import os, torch, matplotlib, helpers\n"
    "print(os.environ['OMP_NUM_THREADS'], torch.get_num_threads(), helpers.__name__)"
)


def test_two_learners_run_notebook_00_and_the_hub_ends_every_process(tmp_path):
    hub = Hub(tmp_path / "hub", users=USERS)
    try:
        hub.__enter__()
        hub.create_users()
        seconds = hub.start_servers()
        for user in USERS:
            assert hub.run(user, "00_start_here.ipynb", CELL) == "1 1 helpers\n"
        commands = [command_line(p) for p in hub.started.values() if alive(p)]
        assert sum("jupyterhub-singleuser" in c for c in commands) == 2, commands
        assert sum("ipykernel" in c for c in commands) == 2, commands
        assert any("configurable-http-proxy" in c for c in commands), commands
        print(f"two servers ready in {seconds:.1f} s")
        # the classroom's idle culler may list the users (its role's scopes are enough)
        log = hub.log_path.read_text()
        assert re.search(r"200 GET /hub/api/users\?\S* \(idle-culler@127\.0\.0\.1\)", log), log
        assert hub.stop() == []  # SIGTERM ended the proxy, the culler, both servers and kernels
    finally:
        hub.stop()


def test_a_wrong_password_is_refused_and_the_right_one_logs_in(tmp_path):
    with Hub(tmp_path / "hub", users=USERS) as hub:
        hub.create_users()
        for password, status in [("not-the-password", 403), (PASSWORD, 302)]:
            session = requests.Session()
            session.get(f"{hub.url}/hub/login", timeout=10)  # sets the _xsrf cookie
            form = {"username": "ada", "password": password, "_xsrf": session.cookies["_xsrf"]}
            answer = session.post(
                f"{hub.url}/hub/login", data=form, allow_redirects=False, timeout=10
            )
            assert answer.status_code == status, (password, answer.status_code)
            if status == 403:
                assert "Invalid username or password" in answer.text
            else:  # logged in: sent on to the hub's pages, not back to the login form
                assert "/hub/login" not in answer.headers["Location"], answer.headers


def test_a_server_that_cannot_start_fails_fast_with_the_hub_log(tmp_path):
    """A single-user server that exits at once (as it does when run as root without --allow-root):
    the hub answers the spawn with a bare 500 (after about 11 s); the error shows why, from the
    server's own output in the hub's log, instead of waiting for a server that never comes."""
    cmd = [sys.executable, "-c", "raise SystemExit('this server cannot start')"]
    with Hub(tmp_path / "hub", users=["ada"], extra=f"c.Spawner.cmd = {cmd!r}\n") as hub:
        hub.create_users()
        with pytest.raises(RuntimeError, match="starting ada's server: 500") as failure:
            hub.start_servers()
        assert "this server cannot start" in str(failure.value)


def test_after_a_killed_hub_every_process_it_started_is_ended(tmp_path):
    """SIGKILL to the hub leaves its proxy, the culler, the server and its kernel running (each
    in its own session); stop() ends each of them by the pid recorded while they ran."""
    hub = Hub(tmp_path / "hub", users=["ada"])
    try:
        hub.__enter__()
        hub.create_users()
        hub.start_servers()
        hub.run("ada", "00_start_here.ipynb", "import helpers")
        os.kill(hub.process.pid, signal.SIGKILL)
        hub.process.wait(timeout=10)
        running = [p for p in hub.started.values() if alive(p)]
        commands = " ".join(command_line(p) for p in running)
        for program in [
            "configurable-http-proxy",
            "jupyterhub_idle_culler",
            "singleuser",
            "ipykernel",
        ]:
            assert program in commands, commands
        killed = hub.stop()
        assert sorted(killed) == sorted(p.pid for p in running)
        assert not any(alive(p) for p in running)
    finally:
        hub.stop()
