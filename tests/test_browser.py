"""Notebook 01's explorer in a real browser: JupyterLab on 127.0.0.1 and headless Chromium.

What a learner does, done by Playwright: open notebook 01 in JupyterLab, run all cells, find the
explorer (w and b sliders above a figure), focus the w slider, press ArrowRight a few times and see
the figure change. Checked in the page: the explorer renders with its figure; the w readout goes from
1.00 to 1.20; the figure's PNG changes and ends up byte-identical to a reference explorer built at
w = 1.20 by the same kernel (in a cell typed into the notebook); and the kernel's explorer reports the
title that the same ``LineExplorer`` computes here. The explorer before and after, its two PNGs and
the whole page are saved under ``artifacts/browser/`` (``docs/explorer_01.png`` is one of them).

Nothing is fetched and nothing is written into the repository except screenshots under
``artifacts/browser/`` (git-ignored): JupyterLab serves a temporary copy of the notebook, with temporary
Jupyter config/data/runtime folders, a random token and a free port, and is stopped at the end.
Chromium is the system's (Debian's ``chromium``; another via ``LINREG_CHROMIUM=/path``), driven
by the ``playwright`` Python package, which never downloads a browser here.

Where Chromium or playwright is missing the test skips, saying why; with ``LINREG_REQUIRE_BROWSER=1``
(set by ``.ci/run``, which installs Chromium) the same reason fails the test instead.
Run it alone with ``.venv/bin/python -m pytest -m browser``.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "01_linear_model_and_loss.ipynb"
ARTIFACTS = ROOT / "artifacts" / "browser"
PRESSES = 4  # ArrowRight presses on the w slider (step 0.05): w goes from 1.00 to 1.20
TIMEOUT_S = 120  # generous: the machine may be busy with other tests (2 cores)

# Chromium's flags for a closed network: no background requests, no updates, no sync, no QUIC.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    """Path of the Chromium to drive: $LINREG_CHROMIUM, else chromium / chromium-browser on PATH."""
    chosen = os.environ.get("LINREG_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _missing() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"the playwright package is not installed ({exc}); it is pinned in requirements.txt"
    if _chromium() is None:
        where = os.environ.get("LINREG_CHROMIUM") or "chromium / chromium-browser on PATH"
        return (
            f"no Chromium found ({where}); install Debian's `chromium` package (apt-get install chromium) "
            "or set LINREG_CHROMIUM=/path/to/chromium"
        )
    return None


def _require_browser() -> str:
    reason = _missing()
    if reason is not None:
        if os.environ.get("LINREG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"LINREG_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return _chromium()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, n: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-n:]
    except OSError:
        return "(no log)"


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on 127.0.0.1 serving a temporary copy of notebook 01; yields (url, token)."""
    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(NOTEBOOK, served / NOTEBOOK.name)
    jupyter = {name: tmp_path / name for name in ("config", "data", "runtime", "ipython")}
    for folder in jupyter.values():
        folder.mkdir()
    # The kernel is this very Python (the project's .venv), whatever other kernelspecs exist.
    spec = jupyter["data"] / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
            }
        )
    )
    # Settings for this server only: never ask about (or fetch) the Jupyter news feed.
    news = jupyter["config"] / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    # No build check on page load (it only concerns rebuilding extensions, and costs seconds of CPU).
    labconfig = jupyter["config"] / "labconfig"
    labconfig.mkdir()
    (labconfig / "page_config.json").write_text(json.dumps({"buildCheck": False, "buildAvailable": False}))
    token = secrets.token_hex(24)
    env = dict(os.environ)
    env.pop("MPLBACKEND", None)  # inline figures (conftest applies the same kernel environment)
    env.pop("JUPYTER_PATH", None)
    env.update(
        JUPYTER_CONFIG_DIR=str(jupyter["config"]),
        JUPYTER_DATA_DIR=str(jupyter["data"]),
        JUPYTER_RUNTIME_DIR=str(jupyter["runtime"]),
        JUPYTERLAB_SETTINGS_DIR=str(news.parents[1]),
        JUPYTERLAB_WORKSPACES_DIR=str(jupyter["data"] / "workspaces"),
        IPYTHONDIR=str(jupyter["ipython"]),
        JUPYTER_TOKEN=token,
    )
    args = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={_free_port()}",
        "--ServerApp.port_retries=20",  # the actual port is read back from the runtime file
        f"--ServerApp.root_dir={served}",
        "--ServerApp.terminals_enabled=False",
        # No run-time fetching (as `dev.py lab`): no extension manager, no update check, no news.
        "--LabApp.extension_manager=readonly",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--allow-root")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "jupyterlab.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(args, cwd=served, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = None
        deadline = time.monotonic() + TIMEOUT_S
        while url is None:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {server.returncode}:\n{_tail(log_path)}", pytrace=False)
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {TIMEOUT_S} s:\n{_tail(log_path)}", pytrace=False)
            for info_file in jupyter["runtime"].glob("jpserver-*.json"):
                try:
                    info = json.loads(info_file.read_text())
                    candidate = f"http://127.0.0.1:{info['port']}/"
                    with urllib.request.urlopen(f"{candidate}api/status?token={token}", timeout=5) as resp:
                        if resp.status == 200:
                            url = candidate
                except (OSError, ValueError, KeyError):
                    pass  # not written completely yet, or not listening yet
            if url is None:
                time.sleep(0.2)  # polling interval only; the condition above is the synchronisation
        yield url, token
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)  # the server and the kernels it started
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=15)


def _png_pixels(src: str, name: str):
    """Decode a data:image/png;base64 URL (kept as artifacts/browser/NAME) into an (H, W, channels) array."""
    import matplotlib.image as mpimg

    prefix = "data:image/png;base64,"
    assert src.startswith(prefix), src[:60]
    png = base64.b64decode(src[len(prefix):])
    (ARTIFACTS / name).write_bytes(png)
    return mpimg.imread(io.BytesIO(png), format="png")


def _menu(page, menu: str, item: str) -> None:
    """Click menu > item in JupyterLab's menu bar."""
    page.locator(".lm-MenuBar-item", has_text=menu).first.click()
    page.get_by_role("menuitem", name=item, exact=True).click()


def _run_new_cell(page, code: str):
    """Insert a code cell below the active one, type ``code`` (one line) into it and run it."""
    from playwright.sync_api import expect

    page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:insert-cell-below"]').click()
    cell = page.locator(".jp-Notebook .jp-Cell.jp-mod-active")
    expect(cell).to_have_count(1)
    expect(cell).to_have_class(re.compile(r"\bjp-CodeCell\b"))
    editor = cell.locator(".cm-content")
    expect(editor).to_have_text("")
    editor.click()
    page.keyboard.insert_text(code)
    expect(editor).to_have_text(code)
    page.keyboard.press("Shift+Enter")
    ran = page.locator(".jp-Notebook .jp-CodeCell", has=page.locator(".cm-content", has_text=code))
    expect(ran).to_have_count(1)
    expect(ran.locator(".jp-InputPrompt")).to_have_text(re.compile(r"\[\d+\]"))
    return ran


def test_explorer_renders_and_the_w_slider_redraws_the_figure(request):
    chromium = _require_browser()  # skip (or fail under LINREG_REQUIRE_BROWSER=1) before starting anything
    from playwright.sync_api import expect, sync_playwright

    from helpers.widgets.line_explorer import LineExplorer

    url, token = request.getfixturevalue("lab")
    timeout_ms = TIMEOUT_S * 1000
    expected_w = 1.0 + PRESSES * 0.05
    expected_title = LineExplorer([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], w=expected_w, b=0.0).axes[0].get_title()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(timeout_ms)
            expect.set_options(timeout=timeout_ms)
            try:
                page.goto(f"{url}lab/tree/{NOTEBOOK.name}?token={token}")
                # The notebook is open and its kernel is up and idle.
                expect(page.locator(".jp-NotebookPanel .jp-Notebook")).to_be_visible()
                # The status bar names the notebook's kernel and its state; before the kernel is
                # connected it says "No Kernel | Initializing" (the toolbar indicator already says idle).
                kernel = page.locator("#jp-main-statusbar .jp-StatusBar-TextItem[title^='Change kernel']")
                idle = "Python 3 (ipykernel) | Idle"
                expect(kernel).to_have_text(idle)

                # Edit > Clear Outputs of All Cells (the stored outputs would satisfy the waits below),
                # then Run > Run All Cells, as a learner would.
                _menu(page, "Edit", "Clear Outputs of All Cells")
                expect(page.locator(".jp-Notebook .jp-OutputArea-output")).to_have_count(0)
                _menu(page, "Run", "Run All Cells")
                # Every code cell has run: each prompt shows an execution count, none is pending.
                page.wait_for_function(
                    """() => {
                        const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                        return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
                    }""",
                    timeout=timeout_ms,
                )
                expect(kernel).to_have_text(idle)

                explorer = page.locator(".linreg-line-explorer")
                expect(explorer).to_have_count(1)
                explorer.scroll_into_view_if_needed()
                expect(explorer).to_be_visible()
                sliders = explorer.locator(".widget-slider")
                expect(sliders).to_have_count(2)
                w_slider = sliders.nth(0)
                expect(w_slider.locator(".widget-label")).to_have_text("w")
                readout = w_slider.locator(".widget-readout")
                expect(readout).to_have_text("1.00")
                expect(sliders.nth(1).locator(".widget-readout")).to_have_text("0.00")
                image = explorer.locator(".widget-output img")
                expect(image).to_have_count(1)
                expect(image).to_be_visible()
                before_src = image.get_attribute("src")
                explorer.screenshot(path=str(ARTIFACTS / "explorer_before.png"))

                # Focus the w slider's handle and move it with the keyboard.
                handle = w_slider.locator(".noUi-handle")
                handle.focus()
                for _ in range(PRESSES):
                    handle.press("ArrowRight")
                expect(readout).to_have_text(f"{expected_w:.2f}")
                expect(image).not_to_have_attribute("src", before_src)

                # The explorer must end up showing exactly the figure of an explorer built at the new
                # value: a reference drawn by the same kernel in a cell typed below the explorer. (The
                # browser sends the slider's moves one after the other, so the figure may show an
                # intermediate value for a moment; the wait below ends only on the final figure.)
                reference_cell = _run_new_cell(
                    page,
                    f"reference = LineExplorer(x_data, y_data, w={expected_w:.2f}, b=0.0); "
                    'print("reference:", reference.axes[0].get_title()); display(reference.figure)',
                )
                expect(reference_cell.locator(".jp-OutputArea-output", has_text="reference:")).to_have_text(
                    f"reference: {expected_title}"
                )
                reference_image = reference_cell.locator(".jp-OutputArea-output img")
                expect(reference_image).to_have_count(1)
                reference_src = reference_image.get_attribute("src")
                expect(image).to_have_attribute("src", reference_src)
                expect(readout).to_have_text(f"{expected_w:.2f}")
                # And the kernel's explorer holds the new value (its figure title, read as text).
                state_cell = _run_new_cell(page, 'print("drawn:", explorer.axes[0].get_title())')
                expect(state_cell.locator(".jp-OutputArea-output")).to_have_text(f"drawn: {expected_title}")
                expect(kernel).to_have_text(idle)

                explorer.scroll_into_view_if_needed()
                after_src = image.get_attribute("src")
                explorer.screenshot(path=str(ARTIFACTS / "explorer_after.png"))
                page.screenshot(path=str(ARTIFACTS / "notebook_after.png"))
            except Exception:
                page.screenshot(path=str(ARTIFACTS / "failure.png"))
                raise
        finally:
            browser.close()

    # The figure itself changed: same size, and the moved line, residuals and points differ.
    before, after = _png_pixels(before_src, "figure_before.png"), _png_pixels(after_src, "figure_after.png")
    assert before.shape == after.shape, (before.shape, after.shape)
    changed = (abs(before - after) > 0.1).any(axis=-1).mean()
    print(f"fraction of figure pixels changed: {changed:.4f}")
    assert changed > 0.002, f"only {changed:.4%} of the figure's pixels changed"
