"""How big ``helpers/`` is, in code tokens: Python tokens without comments, docstrings, newlines and
indentation (what a learner reads as code). ``tests/test_package.py`` keeps it at most 19,000.

Usage:  python tools/code_tokens.py [FOLDER]   (default: helpers; prints each file and the total)
"""

import io
import sys
import tokenize
from pathlib import Path

from project import ROOT

LAYOUT = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER, tokenize.ENCODING}


def _tokens(source):
    """The tokens of ``source`` without comments and blank lines; an f-string is one token, as on
    Python 3.11 (3.12 and later split it into its parts: FSTRING_START ... FSTRING_END)."""
    start, end = getattr(tokenize, "FSTRING_START", None), getattr(tokenize, "FSTRING_END", None)
    depth = 0
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.COMMENT, tokenize.NL):
            continue
        if token.type == start:
            depth += 1
            if depth == 1:
                yield token._replace(type=tokenize.STRING)
        elif token.type == end:
            depth -= 1
        elif depth == 0:
            yield token


def code_tokens(source):
    """The number of code tokens in ``source`` (a module's text)."""
    tokens = list(_tokens(source))
    count, previous = 0, tokenize.NEWLINE
    for i, token in enumerate(tokens):
        after = tokens[i + 1].type if i + 1 < len(tokens) else tokenize.ENDMARKER
        starts_statement = previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
        docstring = token.type == tokenize.STRING and starts_statement and after in LAYOUT
        count += token.type not in LAYOUT and not docstring
        previous = token.type
    return count


def folder_tokens(folder):
    """{path: code tokens} for every ``.py`` file under ``folder``."""
    return {p: code_tokens(p.read_text()) for p in sorted(Path(folder).rglob("*.py"))}


if __name__ == "__main__":
    sizes = folder_tokens(ROOT / (sys.argv[1] if len(sys.argv) > 1 else "helpers"))
    for path, n in sizes.items():
        print(f"{n:6d}  {path.relative_to(ROOT)}")
    print(f"{sum(sizes.values()):6d}  in all")
