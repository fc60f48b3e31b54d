"""A real JupyterHub on 127.0.0.1 for the tests and the memory measurement: the settings of
``classroom/jupyterhub_config.py``, plus what a throwaway hub needs: one shared password, servers
as local processes without Unix accounts (``SimpleLocalProcessSpawner``), and every file (homes,
database, cookie secret, pid files, log) inside one folder.

    with Hub(folder, users=["ada", "grace"]) as hub:
        hub.create_users()
        hub.start_servers()

Every process the hub starts (proxy, services, servers, kernels) is recorded while it runs; leaving
the ``with`` stops the hub with SIGTERM (it stops the rest) and then kills whatever recorded
process is still alive: a hub killed with SIGKILL would leave them all running.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import requests
from project import ROOT  # tools/project.py

BIN = Path(sys.executable).parent
PASSWORD = "linreg-class-password"  # the shared password of the throwaway hub (>= 8 characters)
CONFIG = """\
c = get_config()  # noqa: F821
load_subconfig({classroom!r})  # noqa: F821
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {folder!r} + "/proxy.pid"
c.JupyterHub.pid_file = {folder!r} + "/hub.pid"
c.JupyterHub.db_url = "sqlite:///" + {folder!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {folder!r} + "/cookie_secret"
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allow_existing_users = True  # the users the test creates through the API
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {folder!r} + "/homes/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.JupyterHub.services.append({{"name": "test", "api_token": {token!r}}})
c.JupyterHub.load_roles.append(
    {{"name": "test", "scopes": ["admin:users", "admin:servers", "access:servers"],
      "services": ["test"]}}
)
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """A JupyterHub for ``users`` with everything in ``folder``; see the module's docstring."""

    def __init__(self, folder: Path, users: list[str], timeout: float = 60, extra: str = ""):
        """``extra``: more lines of configuration, after the rest."""
        self.folder, self.users, self.timeout, self.extra = Path(folder), users, timeout, extra
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.folder / "jupyterhub.log"
        self.process: subprocess.Popen | None = None
        self.started: dict[int, psutil.Process] = {}  # every process seen under the hub

    def __enter__(self) -> Hub:
        self.folder.mkdir(parents=True, exist_ok=True)
        for user in self.users:  # each home starts with the notebooks of the series
            home = self.folder / "homes" / user
            home.mkdir(parents=True, exist_ok=True)
            for notebook in (ROOT / "notebooks").glob("*.ipynb"):
                (home / notebook.name).write_bytes(notebook.read_bytes())
        # The single-user server refuses to run as root unless told; the test machine may be root.
        args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        config = CONFIG.format(
            classroom=str(ROOT / "classroom" / "jupyterhub_config.py"),
            port=self.port, hub_port=free_port(), api_port=free_port(),
            proxy=str(BIN / "configurable-http-proxy"), folder=str(self.folder),
            password=PASSWORD, singleuser=str(BIN / "jupyterhub-singleuser"),
            args=args, token=self.token)  # fmt: skip
        (self.folder / "jupyterhub_config.py").write_text(config + self.extra)
        env = dict(os.environ, PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))
        env["PYTHONPATH"] = str(ROOT)  # helpers, for the servers' kernels
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [str(BIN / "jupyterhub"), "-f", str(self.folder / "jupyterhub_config.py")],
                cwd=self.folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)  # fmt: skip
        try:
            self._wait_for_api()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def log_tail(self, lines: int = 60) -> str:
        """The hub log's warnings and errors and the servers' own output (a server that exits
        says why there, and the hub answers only with a bare 500), the last ``lines`` of them."""
        text = self.log_path.read_text(errors="replace").splitlines()
        kept = [line for line in text if not line.startswith(("[I ", "[D "))]
        return "\n".join(kept[-lines:])

    def record(self) -> None:
        """Remember every process now running under the hub (proxy, services, servers, kernels)."""
        if self.process is None or self.process.poll() is not None:
            return  # a hub that has exited may have its pid reused by another process
        try:
            for child in psutil.Process(self.process.pid).children(recursive=True):
                self.started.setdefault(child.pid, child)
        except psutil.Error:
            pass

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """A request to the hub or, through the proxy, to a user's server, with the test's token."""
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, self.url + path, headers=headers, timeout=30, **kwargs)

    def _fail(self, what: str) -> None:
        raise RuntimeError(f"{what}; the hub's log ends with:\n{self.log_tail()}")

    def _wait_for_api(self) -> None:
        # The proxy answers 404 until the hub has registered its route: poll until 200.
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._fail(f"the hub exited with {self.process.returncode}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).status_code == 200:
                    self.record()
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self._fail(f"the hub's API did not answer within {self.timeout} s")

    def create_users(self) -> None:
        """Create the users through the hub's REST API, with the test's service token."""
        answer = self.api("POST", "/hub/api/users", json={"usernames": self.users})
        if answer.status_code != 201:
            self._fail(f"creating {self.users}: {answer.status_code} {answer.text[:200]}")

    def start_servers(self) -> float:
        """Start every user's server and wait until all are ready; return the seconds it took.
        A failed spawn never becomes ready: stop at its error instead of waiting."""
        started = time.monotonic()
        for user in self.users:
            answer = self.api("POST", f"/hub/api/users/{user}/server")
            if answer.status_code not in (201, 202):
                self._fail(f"starting {user}'s server: {answer.status_code} {answer.text[:200]}")
        waiting = set(self.users)
        while waiting and time.monotonic() < started + self.timeout:
            for user in sorted(waiting):
                answer = self.api("GET", f"/hub/api/users/{user}")
                if answer.status_code != 200:
                    self._fail(f"reading {user}'s server: {answer.status_code}")
                server = answer.json()["servers"].get("")
                if server and server["ready"]:
                    waiting.discard(user)
                elif not server or not server["pending"]:
                    self._fail(f"{user}'s server failed to start")
            time.sleep(0.2)
        if waiting:
            self._fail(f"servers not ready within {self.timeout} s: {sorted(waiting)}")
        self.record()
        return time.monotonic() - started

    def run(self, user: str, notebook: str, code: str) -> str:
        """Open ``notebook`` in ``user``'s server through the proxy, as JupyterLab does (a session
        with a kernel), run ``code`` over the kernel's websocket; return what it printed."""
        import websocket  # websocket-client, a dependency of jupyter's own packages

        answer = self.api("GET", f"/user/{user}/api/contents/{notebook}")
        if answer.status_code != 200 or answer.json()["type"] != "notebook":
            self._fail(f"opening {notebook} for {user}: {answer.status_code}")
        session = {"path": notebook, "type": "notebook", "kernel": {"name": "python3"}}
        answer = self.api("POST", f"/user/{user}/api/sessions", json=session)
        if answer.status_code != 201:
            self._fail(f"starting a kernel for {user}: {answer.status_code} {answer.text[:200]}")
        kernel = answer.json()["kernel"]["id"]
        url = f"ws://127.0.0.1:{self.port}/user/{user}/api/kernels/{kernel}/channels"
        ws = websocket.create_connection(
            url, header=[f"Authorization: token {self.token}"], timeout=self.timeout
        )
        try:
            msg_id = secrets.token_hex(8)
            header = {"msg_id": msg_id, "msg_type": "execute_request", "session": msg_id,
                      "username": user, "version": "5.3"}  # fmt: skip
            content = {"code": code, "silent": False, "store_history": False,
                       "user_expressions": {}, "allow_stdin": False}  # fmt: skip
            message = {"header": header, "parent_header": {}, "metadata": {},
                       "channel": "shell", "buffers": [], "content": content}  # fmt: skip
            ws.send(json.dumps(message))
            # The reply comes on the shell channel, the printed text on iopub, in either order:
            # done when both the reply and iopub's "idle" for this request have come.
            printed, status, idle = [], None, False
            while status is None or not idle:
                try:
                    msg = json.loads(ws.recv())
                except websocket.WebSocketException as error:
                    self._fail(f"{user}'s kernel: {error!r}")
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    printed.append(content["text"])
                elif kind == "error":
                    printed.append(f"{content['ename']}: {content['evalue']}")
                elif kind == "execute_reply":
                    status = content["status"]
                elif kind == "status":
                    idle = content["execution_state"] == "idle"
        finally:
            ws.close()
        self.record()
        if status != "ok":
            self._fail(f"{code!r} failed in {user}'s kernel: {''.join(printed)}")
        return "".join(printed)

    def stop(self) -> list[int]:
        """SIGTERM to the hub, which stops its proxy, services and servers; then kill whatever
        recorded process is still alive. Returns the pids that had to be killed (the hub's
        included, when it did not stop within 45 s)."""
        if self.process is None:
            return []
        self.record()
        killed = []
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:  # the spawner gives a server up to 30 s to stop, then kills it
                self.process.wait(timeout=45)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
                killed.append(self.process.pid)
        running = [p for p in self.started.values() if alive(p)]
        _, left = psutil.wait_procs(running, timeout=5)
        for process in left:
            try:
                process.kill()
                killed.append(process.pid)
            except psutil.NoSuchProcess:
                pass
        psutil.wait_procs(left, timeout=5)
        self.process = None
        return killed


def alive(process: psutil.Process) -> bool:
    """Whether ``process`` (recorded earlier) still runs and is not a zombie."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def command_line(process: psutil.Process) -> str:
    """The command line of ``process``, or "" once it has ended."""
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""
