"""Interactive explorers (ipywidgets + matplotlib), one module each.

Each explorer is a small class that can be driven from Python (set a value,
read what was drawn), so unit tests check its behaviour without a browser.
ipywidgets and matplotlib are imported only when an explorer module is imported.
"""
