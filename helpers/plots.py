"""Plots for the series. Each function takes ``ax=None``, draws on it (or on a new
figure when None), returns the Axes, never calls ``plt.show()`` and never changes
global style (rcParams)."""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

import torch


def _axes(ax):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    return ax


def _np(values, *, name: str):
    """Values as a 1-D list of floats (tensors are detached and moved to the CPU)."""
    if isinstance(values, torch.Tensor):
        values = values.detach().cpu().reshape(-1).tolist()
    try:
        out = [float(v) for v in values]
    except TypeError:
        raise TypeError(f"{name} must be a sequence of numbers or a tensor, got {type(values).__name__}") from None
    return out


def scatter_fit(
    x,
    y,
    *,
    lines: dict[str, tuple[float, float]] | None = None,
    ax=None,
    title: str | None = None,
    xlabel: str = "x",
    ylabel: str = "y",
):
    """Scatter the data and draw fitted lines.

    ``lines`` maps a label to ``(intercept, slope)``; each is drawn as
    y = intercept + slope * x over the range of ``x``.
    """
    xs, ys = _np(x, name="x"), _np(y, name="y")
    if len(xs) != len(ys):
        raise ValueError(f"x and y must have the same length, got {len(xs)} and {len(ys)}")
    if not xs:
        raise ValueError("x must not be empty")
    ax = _axes(ax)
    ax.scatter(xs, ys, s=12, alpha=0.7, label="data")
    lo, hi = min(xs), max(xs)
    for i, (label, (b, w)) in enumerate((lines or {}).items()):
        # colours from C1 on: C0 is the scatter's
        ax.plot([lo, hi], [b + w * lo, b + w * hi], color=f"C{i + 1}", label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if lines:
        ax.legend()
    return ax


def loss_curve(losses, *, ax=None, title: str | None = "Loss per epoch", label: str | None = None, logy: bool = False, xlabel: str = "epoch"):
    """Plot a sequence of loss values against the epoch (or step) index."""
    values = _np(losses, name="losses")
    if not values:
        raise ValueError("losses must not be empty")
    ax = _axes(ax)
    ax.plot(range(len(values)), values, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss")
    if logy:
        ax.set_yscale("log")
    if title:
        ax.set_title(title)
    if label:
        ax.legend()
    return ax


def loss_vs_param(
    params,
    losses,
    *,
    ax=None,
    name: str = "w",
    mark: float | None = None,
    title: str | None = None,
):
    """Plot the loss against one parameter; ``mark`` draws a vertical line there."""
    ps, ls = _np(params, name="params"), _np(losses, name="losses")
    if len(ps) != len(ls):
        raise ValueError(f"params and losses must have the same length, got {len(ps)} and {len(ls)}")
    if not ps:
        raise ValueError("params must not be empty")
    ax = _axes(ax)
    ax.plot(ps, ls, label="loss")
    if mark is not None:
        ax.axvline(float(mark), color="grey", linestyle="--", label=f"{name} = {float(mark):g}")
        ax.legend()
    ax.set_xlabel(name)
    ax.set_ylabel("loss")
    ax.set_title(title or f"Loss against {name}")
    return ax


def path_on_curve(
    params,
    loss_fn: Callable[[float], float],
    *,
    ax=None,
    label: str = "path",
    marker: str = "o",
):
    """Draw a sequence of parameter values (an optimisation path) on a loss-vs-parameter curve."""
    ps = _np(params, name="params")
    if not ps:
        raise ValueError("params must not be empty")
    if not callable(loss_fn):
        raise TypeError(f"loss_fn must be callable, got {type(loss_fn).__name__}")
    ax = _axes(ax)
    ax.plot(ps, [float(loss_fn(p)) for p in ps], marker=marker, markersize=3, linewidth=1, label=label)
    ax.legend()
    return ax


def loss_contour(
    w_values,
    b_values,
    loss_fn: Callable[[float, float], float],
    *,
    path=None,
    ax=None,
    levels: int | Sequence[float] = 30,
    names: tuple[str, str] = ("w", "b"),
    title: str | None = None,
):
    """Contour plot of ``loss_fn(w, b)`` over a grid, with an optional path of (w, b) pairs.

    ``path`` is a sequence of (w, b) pairs or a (steps, 2) tensor.
    """
    ws, bs = _np(w_values, name="w_values"), _np(b_values, name="b_values")
    if len(ws) < 2 or len(bs) < 2:
        raise ValueError(f"w_values and b_values need at least 2 values each, got {len(ws)} and {len(bs)}")
    if not callable(loss_fn):
        raise TypeError(f"loss_fn must be callable, got {type(loss_fn).__name__}")
    ax = _axes(ax)
    Z = [[float(loss_fn(w, b)) for w in ws] for b in bs]
    cs = ax.contour(ws, bs, Z, levels=levels, cmap="viridis")
    ax.clabel(cs, inline=True, fontsize=7, fmt="%g")
    if path is not None:
        pts = path.detach().cpu().tolist() if isinstance(path, torch.Tensor) else [tuple(p) for p in path]
        if not pts or any(len(p) != 2 for p in pts):
            raise ValueError("path must be a non-empty sequence of (w, b) pairs")
        ax.plot([p[0] for p in pts], [p[1] for p in pts], "o-", color="crimson", markersize=3, label="path")
        ax.plot([pts[-1][0]], [pts[-1][1]], "*", color="crimson", markersize=12)
        ax.legend()
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    ax.set_title(title or f"Loss over ({names[0]}, {names[1]})")
    return ax


def graph_diagram(
    nodes: dict[str, tuple[float, float]],
    edges: Sequence[tuple[str, str]],
    *,
    labels: dict[str, str] | None = None,
    edge_labels: dict[tuple[str, str], str] | None = None,
    colors: dict[str, str] | None = None,
    ax=None,
    title: str | None = None,
):
    """Draw a small directed graph (e.g. a computational graph) as boxes and arrows.

    ``nodes`` maps a node name to its (x, y) position; ``edges`` lists (from, to)
    pairs drawn as arrows; ``labels`` gives a node's text (default: its name),
    ``edge_labels`` a text on the middle of an edge, ``colors`` a box colour.
    The drawing is what you pass in: nothing is computed from autograd here.
    """
    import math

    if not isinstance(nodes, dict) or not nodes:
        raise ValueError(f"nodes must be a non-empty dict of name -> (x, y), got {nodes!r}")
    pos = {}
    for name, xy in nodes.items():
        try:
            px, py = (float(v) for v in xy)
        except (TypeError, ValueError):
            raise ValueError(f"nodes[{name!r}] must be an (x, y) pair of numbers, got {xy!r}") from None
        if not (math.isfinite(px) and math.isfinite(py)):
            raise ValueError(f"nodes[{name!r}] must be a finite (x, y) position, got {xy!r}")
        pos[name] = (px, py)
    pairs = []
    for edge in edges:
        edge = tuple(edge) if isinstance(edge, list) else edge
        if not (isinstance(edge, tuple) and len(edge) == 2) or edge[0] not in pos or edge[1] not in pos:
            raise ValueError(f"edges must be (from, to) pairs of names in nodes, got {edge!r}; nodes are {list(pos)}")
        pairs.append(edge)
    for key, where in (("labels", labels), ("colors", colors)):
        unknown = [k for k in (where or {}) if k not in pos]
        if unknown:
            raise ValueError(f"{key} names nodes that are not in nodes: {unknown}")
    unknown = [k for k in (edge_labels or {}) if k not in pairs]
    if unknown:
        raise ValueError(f"edge_labels names edges that are not in edges: {unknown}")
    ax = _axes(ax)
    boxes = {}
    for name, (px, py) in pos.items():
        face = (colors or {}).get(name, "lightyellow")
        boxes[name] = ax.text(
            px, py, (labels or {}).get(name, name), ha="center", va="center", fontsize=9, zorder=3,
            bbox=dict(boxstyle="round,pad=0.4", facecolor=face, edgecolor="black"),
        )
    for a, b in pairs:  # arrows start and end at the boxes' edges (patchA / patchB)
        ax.annotate(
            "",
            xy=pos[b],
            xytext=pos[a],
            zorder=4,  # drawn after the boxes, so that their patches are in place to clip against
            arrowprops=dict(
                arrowstyle="-|>", color="dimgrey", shrinkA=2, shrinkB=2,
                patchA=boxes[a].get_bbox_patch(), patchB=boxes[b].get_bbox_patch(),
            ),
        )
    for (a, b), text in (edge_labels or {}).items():
        mx, my = (pos[a][0] + pos[b][0]) / 2, (pos[a][1] + pos[b][1]) / 2
        ax.annotate(
            text, xy=(mx, my), fontsize=8, color="tab:red", ha="center", va="center", zorder=5,
            bbox=dict(boxstyle="square,pad=0.1", facecolor="white", edgecolor="none"),
        )
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.7, max(xs) + 0.7)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    return ax


def plot_scaling(rows, *, ax=None, label: str = "", title: str | None = "Cost of one epoch vs n"):
    """Log-log plot of seconds per epoch and of the floor (``X.sum()``) against n, with a slope-1 guide."""
    from .timing import _check_rows

    rows = sorted(_check_rows(rows), key=lambda r: r.n)
    ax = _axes(ax)
    ns = [r.n for r in rows]
    suffix = f" ({label})" if label else ""
    ax.plot(ns, [r.epoch_s for r in rows], "o-", label=f"one epoch{suffix}")
    ax.plot(ns, [r.floor_s for r in rows], "s--", label=f"floor: X.sum(){suffix}")
    last = rows[-1]
    ax.plot([ns[0], ns[-1]], [last.epoch_s * ns[0] / ns[-1], last.epoch_s], ":", color="grey", label="slope 1 (linear)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("n (rows of X)")
    ax.set_ylabel("seconds")
    if title:
        ax.set_title(title)
    ax.legend(fontsize=8)
    return ax
