"""What the three explorers share: their fields, ``set``, the widget and the fast redraw.

An explorer draws its fixed parts once (with ``helpers.plots``) and lists in ``self.moving`` the
artists that a slider moves. A redraw pastes the saved picture of the fixed parts and draws only
the moving artists on it (matplotlib's *blitting*), pastes the saved pictures of its (opaque)
``legends`` back on top, then sends a quickly compressed PNG to an ``ipywidgets.Image``: a few
milliseconds instead of a full redraw. The fixed parts are drawn again only when an axis changes
its limits or scale.
"""

import io
import math

from .._validate import finite_float, integer, one_of


class Slider:
    """One value an explorer's controls set: a number in [lo, hi] (an int if ``integer``, on a
    logarithmic slider if ``log``) or one of ``choices``. The constructor, ``set()`` and the
    control all go through it, so a value no control could show is refused everywhere."""

    def __init__(self, lo=None, hi=None, *, integer=False, log=False, step=0.05, choices=()):
        self.lo, self.hi, self.integer, self.log = lo, hi, integer, log
        self.step, self.choices = step, choices

    def check(self, value, name):
        if self.choices:
            return one_of(value, self.choices, name=name)
        check = integer if self.integer else finite_float
        return check(value, name=name, minimum=self.lo, maximum=self.hi)

    def control(self, value, name):
        import ipywidgets as widgets

        shown = {"value": value, "description": name}
        if self.choices:
            return widgets.ToggleButtons(options=self.choices, **shown)
        if self.integer:
            return widgets.IntSlider(min=self.lo, max=self.hi, **shown)
        kind, ends = widgets.FloatSlider, (self.lo, self.hi)
        if self.log:
            kind, ends = widgets.FloatLogSlider, [math.log10(end) for end in ends]
        return kind(min=ends[0], max=ends[1], step=self.step, readout_format=".3g", **shown)


def nice(value):
    """The smallest 1, 2 or 5 times a power of ten >= ``value``: limits that change rarely."""
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


class Explorer:
    """Base class: ``fields`` (name -> :class:`Slider`), ``figure``, ``set(...)``, ``widget`` and
    ``image``. A subclass draws its fixed parts in ``_draw_fixed_parts`` and lists there the
    artists a slider moves (``moving``) and its opaque ``legends``; ``update`` moves the artists."""

    image = None  # the ipywidgets.Image, once the widget is built
    _syncing = False  # True while set() moves a slider
    _frame = None  # axis limits and scales when the fixed parts were last drawn

    def _figure(self, ncols, size, **kwargs):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=size, layout="constrained")
        FigureCanvasAgg(self.figure)
        return self.figure.subplots(1, ncols, **kwargs)

    def _checked(self, values):
        """``values`` checked by their fields, all of them, before anything changes."""
        for name in values:
            if name not in self.fields:
                known = ", ".join(self.fields)
                raise TypeError(f"{type(self).__name__} has no value {name!r}; its values: {known}")
        return {name: self.fields[name].check(value, name) for name, value in values.items()}

    def set(self, **values):
        """Set some of the values the controls set (``w=1.5``, ``lr=0.1``, ...) and redraw.

        A value a control could not show raises an error and changes nothing."""
        vars(self).update(self._checked(values))
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
            # text is slow to draw: a legend is pasted back as a picture instead
            self._legends = [
                canvas.copy_from_bbox(legend.get_window_extent().padded(1))
                for legend in self.legends
            ]
        canvas.restore_region(self._background)
        for artist in self.moving:
            self.figure.draw_artist(artist)
        for picture in self._legends:
            canvas.restore_region(picture)
        png = io.BytesIO()
        rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
        rgba.convert("RGB").save(png, "png", compress_level=1)
        return png.getvalue()

    @property
    def widget(self):
        """The controls (one per field) above the figure, built once."""
        if self.image is None:
            import ipywidgets as widgets

            self.controls = {n: f.control(getattr(self, n), n) for n, f in self.fields.items()}
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
