"""The language of the exercise feedback, of the widgets' text and of the figures' font.

English unless a notebook chooses otherwise, in its setup cell, in so many words::

    from helpers.language import use_language

    use_language("ko")  # the Korean edition; the English notebooks say use_language("en")

From then on the checks and the widgets take their messages from the language's message table,
``helpers/locale/<language>.po`` (a gettext catalog: English ``msgid``, translated ``msgstr``),
and matplotlib draws Hangul in NanumGothic: the font family becomes DejaVu Sans (matplotlib's
own font) first, for Latin letters, digits and symbols (NanumGothic lacks ŷ and the minus sign −,
and the tick labels of a log axis are math text, which takes every glyph from the first font),
then NanumGothic for the characters DejaVu Sans lacks. Importing helpers changes nothing; only
this call does, for the rest of the session.
"""

import functools
from importlib import resources

LANGUAGES = {"en": "English", "ko": "Korean"}
FONT_FILES = {"ko": "NanumGothic.ttf"}  # in helpers/fonts/, with its licence (OFL.txt)
FIRST_FONT = "DejaVu Sans"  # matplotlib's own font: Latin, Greek and math symbols

_chosen = {"language": "en"}


def use_language(language):
    """Feedback, widget text and figure font in ``language`` ("en" or "ko") from now on."""
    if not isinstance(language, str):
        raise TypeError(
            f"language must be a str, got {language!r} of type {type(language).__name__}"
        )
    if language not in LANGUAGES:
        raise ValueError(
            f"language must be one of {', '.join(map(repr, LANGUAGES))}, got {language!r}"
        )
    _chosen["language"] = language
    import matplotlib as mpl

    mpl.rcParams["font.family"] = font_family(language)


def current_language():
    """The language chosen with :func:`use_language` ("en" until then)."""
    return _chosen["language"]


def _(text):
    """``text``, an English message, in the chosen language (gettext's usual name). A message the
    table lacks, or marks fuzzy, stays English. Format after translating:
    ``_("{name} is still empty.").format(name=name)``."""
    return message_table(current_language()).get(text, text)


def N_(text):
    """Mark ``text`` for the message table without translating it yet (gettext's ``N_``): for a
    message kept in a module constant, translated with ``_(CONSTANT)`` where it is shown."""
    return text


@functools.cache
def message_table(language):
    """{English: translation} of every translated, non-fuzzy entry of the language's catalog."""
    if language == "en":
        return {}
    import polib

    catalog = resources.files("helpers") / "locale" / f"{language}.po"
    entries = polib.pofile(catalog.read_text(encoding="utf-8")).translated_entries()
    return {entry.msgid: entry.msgstr for entry in entries}


def font_family(language):
    """matplotlib's ``font.family`` for ``language``: DejaVu Sans, then the language's font for
    the glyphs DejaVu Sans lacks. Registers the font file with matplotlib (once), so that no font
    cache needs rebuilding."""
    if language not in FONT_FILES:
        import matplotlib as mpl

        return list(mpl.rcParamsDefault["font.family"])
    from matplotlib import font_manager

    path = str(resources.files("helpers") / "fonts" / FONT_FILES[language])
    if path not in {font.fname for font in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(path)
    return [FIRST_FONT, font_manager.FontProperties(fname=path).get_name()]
