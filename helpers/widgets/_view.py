"""What the three explorers share: the argument check, ``set``, the widget and the fast redraw.

An explorer draws its fixed parts once (with ``helpers.plots``) and lists in ``self.moving`` the
artists that a slider moves. A redraw pastes the saved picture of the fixed parts and draws only
the moving artists on it (matplotlib's *blitting*), then sends a quickly compressed PNG to an
``ipywidgets.Image``: a few milliseconds instead of a full redraw. The fixed parts are drawn again
only when an axis changes its limits or scale.
"""

import io
import math
import numbers


def checked(value, lo, hi, *, name, integer=False):
    """``value`` if it is a number (an int if ``integer``) in [lo, hi], else a clear error."""
    kind = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(f"{name} must be {'an int' if integer else 'a number'}, got {value!r}")
    if not lo <= value <= hi:  # NaN fails too
        raise ValueError(f"{name} must be in [{lo:g}, {hi:g}], got {value!r}")
    return value


def nice(value):
    """The smallest 1, 2 or 5 times a power of ten >= ``value``: limits that change rarely."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def lr_slider(value, lr_range, *, step):
    """A logarithmic slider for the learning rate, from ``lr_range[0]`` to ``lr_range[1]``."""
    from ipywidgets import FloatLogSlider

    lo, hi = (math.log10(v) for v in lr_range)
    return FloatLogSlider(
        value=value, min=lo, max=hi, step=step, description="lr", readout_format=".3g"
    )


class Explorer:
    """Base class: ``figure`` (drawn by the subclass), ``set(...)``, ``widget`` and ``image``."""

    image = None  # the ipywidgets.Image, once the widget is built
    _syncing = False  # True while set() moves a slider
    _frame = None  # axis limits and scales when the fixed parts were last drawn

    def _figure(self, ncols, size, **kwargs):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=size, layout="constrained")
        FigureCanvasAgg(self.figure)
        return self.figure.subplots(1, ncols, **kwargs)

    def set(self, **values):
        """Set some of the values the sliders control (``w=1.5``, ``lr=0.1``, ...) and redraw."""
        vars(self).update(values)
        for name, control in getattr(self, "controls", {}).items():
            self._syncing = True  # the slider follows, without calling set() again
            control.value = getattr(self, name)
            self._syncing = False
        self.update()
        for artist in self.moving:
            artist.set_animated(True)  # left out of the picture of the fixed parts
        if self.image is not None:
            self.image.value = self.png()

    def png(self):
        """The figure as PNG bytes: the saved fixed parts, with the moving artists drawn on them."""
        from PIL import Image

        canvas = self.figure.canvas
        frame = [
            (ax.get_xlim(), ax.get_ylim(), ax.get_xscale(), ax.get_yscale())
            for ax in self.figure.axes
        ]
        if frame != self._frame:
            canvas.draw()
            self._background, self._frame = canvas.copy_from_bbox(self.figure.bbox), frame
        canvas.restore_region(self._background)
        for artist in self.moving:
            self.figure.draw_artist(artist)
        png = io.BytesIO()
        Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).save(
            png, "png", compress_level=1
        )
        return png.getvalue()

    @property
    def widget(self):
        """The sliders (``self.sliders()``: name -> control) above the figure, built once."""
        if self.image is None:
            import ipywidgets as widgets

            self.controls = self.sliders()
            for name, control in self.controls.items():
                control.observe(
                    lambda change, name=name: self._syncing or self.set(**{name: change.new}),
                    "value",
                )
            self.image = widgets.Image(value=self.png(), format="png")
            row = widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"})
            self.box = widgets.VBox([row, self.image])
            self.box.add_class(self.css_class)
        return self.box

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
