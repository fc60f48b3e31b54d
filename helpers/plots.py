"""Plots for the series. Each function takes ``ax=None``, draws on it (or on a new
figure when None), returns the Axes, never calls ``plt.show()`` and never changes
global style (rcParams)."""

import torch

from ._validate import floats, paired_floats
from .language import _


def _axes(ax):
    """``ax``, or the Axes of a new figure when ``ax`` is None."""
    import matplotlib.pyplot as plt

    return plt.subplots()[1] if ax is None else ax


def scatter_fit(x, y, *, lines=None, ax=None, title=None, xlabel="x", ylabel="y"):
    """Scatter the data and draw fitted lines.

    ``lines`` maps a label to ``(intercept, slope)``; each is drawn as
    y = intercept + slope * x over the range of ``x``.
    """
    xs, ys = paired_floats(x, y)
    ax = _axes(ax)
    ax.scatter(xs, ys, s=12, alpha=0.7, label=_("data"))
    lo, hi = min(xs), max(xs)
    for i, (label, (b, w)) in enumerate((lines or {}).items()):
        # colours from C1 on: C0 is the scatter's
        ax.plot([lo, hi], [b + w * lo, b + w * hi], color=f"C{i + 1}", label=label)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title or "")
    if lines:
        ax.legend()
    return ax


def loss_curve(losses, *, ax=None, title=None, label=None, logy=False, xlabel=None):
    """Plot a sequence of loss values against the epoch (or step) index; ``title`` and ``xlabel``
    default to "Loss per epoch" and "epoch" (in the chosen language); "" leaves them out."""
    values = floats(losses, name="losses")
    ax = _axes(ax)
    ax.plot(range(len(values)), values, label=label)
    title = _("Loss per epoch") if title is None else title
    xlabel = _("epoch") if xlabel is None else xlabel
    ax.set(xlabel=xlabel, ylabel=_("loss"), title=title)
    if logy:  # plain numbers on the log axis (20, 50, not 2×10¹); in-between ones on a short range
        from matplotlib.ticker import LogFormatter

        ax.set_yscale("log")
        ax.yaxis.set_major_formatter(LogFormatter())
        ax.yaxis.set_minor_formatter(LogFormatter())
    if label:
        ax.legend()
    return ax


def loss_vs_param(params, losses, *, ax=None, name="w", mark=None, title=None, ylabel="loss"):
    """Plot the loss (called ``ylabel``) against one parameter; ``mark`` draws a line there."""
    ps, ls = paired_floats(params, losses, names=("params", "losses"))
    ax = _axes(ax)
    ax.plot(ps, ls, label=ylabel)
    if mark is not None:
        ax.axvline(float(mark), color="grey", linestyle="--", label=f"{name} = {float(mark):g}")
        ax.legend()
    ax.set(
        xlabel=name,
        ylabel=ylabel,
        title=title or _("{y} against {x}").format(y=ylabel[:1].upper() + ylabel[1:], x=name),
    )
    return ax


def path_on_curve(params, loss_fn, *, ax=None, label="path"):
    """Draw a sequence of parameter values (an optimisation path) on a loss-vs-parameter curve."""
    ps = floats(params, name="params")
    ax = _axes(ax)
    losses = [float(loss_fn(p)) for p in ps]
    ax.plot(ps, losses, "o-", markersize=3, linewidth=1, label=label)
    ax.legend()
    return ax


def loss_contour(
    w_values, b_values, loss_fn, *, path=None, ax=None, levels=30, names=("w", "b"), title=None
):
    """Contour plot of ``loss_fn(w, b)`` over a grid, with an optional path of (w, b) pairs.

    ``path`` is a sequence of (w, b) pairs or a (steps, 2) tensor.
    """
    ws, bs = floats(w_values, name="w_values"), floats(b_values, name="b_values")
    if len(ws) < 2 or len(bs) < 2:
        raise ValueError(
            f"w_values and b_values need 2 values or more, got {len(ws)} and {len(bs)}"
        )
    ax = _axes(ax)
    Z = [[float(loss_fn(w, b)) for w in ws] for b in bs]
    cs = ax.contour(ws, bs, Z, levels=levels, cmap="viridis")
    ax.clabel(cs, inline=True, fontsize=7, fmt="%g")
    if path is not None:
        pw, pb = torch.as_tensor(path, dtype=torch.float64).reshape(-1, 2).T.tolist()
        ax.plot(pw, pb, "o-", color="crimson", markersize=3, label=_("path"))
        ax.plot(pw[-1:], pb[-1:], "*", color="crimson", markersize=12)
        ax.legend()
    default = _("Loss over ({w}, {b})").format(w=names[0], b=names[1])
    ax.set(xlabel=names[0], ylabel=names[1], title=title or default)
    return ax


def graph_diagram(nodes, edges, *, labels=None, edge_labels=None, colors=None, ax=None, title=None):
    """Draw a small directed graph (e.g. a computational graph) as boxes and arrows.

    ``nodes`` maps a node name to its (x, y) position; ``edges`` lists (from, to)
    pairs drawn as arrows; ``labels`` gives a node's text (default: its name),
    ``edge_labels`` a text on the middle of an edge, ``colors`` a box colour.
    The drawing is what you pass in: nothing is computed from autograd here.
    """
    labels, edge_labels, colors = labels or {}, edge_labels or {}, colors or {}
    ax = _axes(ax)
    boxes = {}
    for name, (x, y) in nodes.items():
        boxes[name] = ax.text(
            x,
            y,
            labels.get(name, name),
            ha="center",
            va="center",
            fontsize=9,
            zorder=3,
            bbox=dict(
                boxstyle="round,pad=0.4",
                facecolor=colors.get(name, "lightyellow"),
                edgecolor="black",
            ),
        )
    for a, b in edges:  # arrows start and end at the boxes' edges (patchA / patchB)
        ax.annotate(
            "",
            xy=nodes[b],
            xytext=nodes[a],
            zorder=4,  # drawn after the boxes, so that their patches are in place to clip against
            arrowprops=dict(
                arrowstyle="-|>",
                color="dimgrey",
                patchA=boxes[a].get_bbox_patch(),
                patchB=boxes[b].get_bbox_patch(),
            ),
        )
    for (a, b), text in edge_labels.items():
        ax.annotate(
            text,
            xy=tuple((p + q) / 2 for p, q in zip(nodes[a], nodes[b])),
            fontsize=8,
            color="tab:red",
            ha="center",
            va="center",
            zorder=5,
            bbox=dict(boxstyle="square,pad=0.1", facecolor="white", edgecolor="none"),
        )
    xs, ys = zip(*nodes.values())
    ax.set(
        xlim=(min(xs) - 0.7, max(xs) + 0.7), ylim=(min(ys) - 0.6, max(ys) + 0.6), title=title or ""
    )
    ax.set_axis_off()
    return ax


def plot_scaling(rows, *, ax=None, label="", title=None):
    """Log-log plot of seconds per epoch and of the floor (``X.sum()``) against n.

    A dotted slope-1 guide through the last point shows what linear growth looks like.
    """
    rows = sorted(rows, key=lambda r: r.n)
    ns, last = [r.n for r in rows], rows[-1]
    suffix = f" ({label})" if label else ""
    ax = _axes(ax)
    ax.plot(ns, [r.epoch_s for r in rows], "o-", label=_("one epoch") + suffix)
    ax.plot(ns, [r.floor_s for r in rows], "s--", label=_("floor: X.sum()") + suffix)
    guide = [last.epoch_s * ns[0] / ns[-1], last.epoch_s]
    ax.plot([ns[0], ns[-1]], guide, ":", color="grey", label=_("slope 1 (linear)"))
    title = _("Cost of one epoch vs n") if title is None else title
    ax.set(xscale="log", yscale="log", xlabel=_("n (rows of X)"), ylabel=_("seconds"), title=title)
    ax.legend(fontsize=8)
    return ax
