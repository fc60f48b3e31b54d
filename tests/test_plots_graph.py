"""plots.graph_diagram (the computational graph of notebook 03), read back from the Axes."""

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Annotation

from helpers import plots

NODES = {"x": (0, 1), "w": (0, 0), "mul": (2, 0.5), "loss": (4, 0.5)}
EDGES = [("x", "mul"), ("w", "mul"), ("mul", "loss")]

pytestmark = pytest.mark.usefixtures("plot_guard")  # tests/conftest.py


def _boxes(ax):
    return [t for t in ax.texts if not isinstance(t, Annotation)]


def _arrows(ax):
    return [t for t in ax.texts if isinstance(t, Annotation) and t.arrow_patch is not None]


def test_boxes_arrows_labels_and_title():
    ax = plots.graph_diagram(
        NODES,
        EDGES,
        labels={"mul": "ŷ = x·w", "w": "w (leaf)"},
        edge_labels={("w", "mul"): "∂ŷ/∂w = x"},
        colors={"w": "lightgreen"},
        title="graph",
    )
    boxes = {t.get_text(): t for t in _boxes(ax)}
    assert set(boxes) == {"x", "w (leaf)", "ŷ = x·w", "loss"}
    assert boxes["ŷ = x·w"].get_position() == (2.0, 0.5)
    assert boxes["w (leaf)"].get_bbox_patch().get_facecolor()[:3] == pytest.approx(
        matplotlib.colors.to_rgb("lightgreen")
    )
    arrows = _arrows(ax)
    assert len(arrows) == 3
    assert [(a.xyann, a.xy) for a in arrows] == [
        ((0.0, 1.0), (2.0, 0.5)),
        ((0.0, 0.0), (2.0, 0.5)),
        ((2.0, 0.5), (4.0, 0.5)),
    ]
    (edge_text,) = [t for t in ax.texts if isinstance(t, Annotation) and t.get_text()]
    assert edge_text.get_text() == "∂ŷ/∂w = x" and edge_text.xy == (1.0, 0.25)
    assert ax.get_title() == "graph" and not ax.axison
    assert ax.get_xlim() == pytest.approx((-0.7, 4.7)) and ax.get_ylim() == pytest.approx(
        (-0.6, 1.6)
    )
    ax.figure.canvas.draw()  # the arrows clip against the boxes at draw time: must not fail


def test_uses_given_axes_and_accepts_list_edges():
    fig, ax = plt.subplots()
    assert plots.graph_diagram({"a": (0, 0), "b": (1, 0)}, [["a", "b"]], ax=ax) is ax
    assert len(_arrows(ax)) == 1 and ax.get_title() == ""
