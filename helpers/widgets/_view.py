"""Widget plumbing shared by the explorers: controls above the figure, shown in an ipywidgets Output.

An explorer class draws on ``self.figure`` (a matplotlib Figure) and builds its controls in its
``widget`` property; :meth:`ExplorerView._assemble` wires them up. ipywidgets and IPython are
imported only when a widget is built or shown.
"""

from __future__ import annotations


class ExplorerView:
    """Mixin: the ipywidgets view of an explorer that owns ``self.figure``."""

    _widget = None
    _syncing = False  # True while set() moves the controls, so their observers do not call set() again

    def _show(self) -> None:
        from IPython.display import clear_output, display

        with self.output:
            clear_output(wait=True)
            display(self.figure)

    def _assemble(self, rows, *, css_class: str, on_change):
        """Observe every control in ``rows`` (a list of rows of controls), call ``on_change()`` when a
        user moves one, stack the rows above the figure, and return the box (built once)."""
        import ipywidgets as widgets

        self.output = widgets.Output()

        def handler(_change):
            if not self._syncing:
                on_change()

        for row in rows:
            for control in row:
                control.observe(handler, names="value")
        box = widgets.VBox([widgets.HBox(list(row)) for row in rows] + [self.output])
        box.add_class(css_class)
        self._widget = box
        self._show()
        return box

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
