"""helpers.language: the notebook chooses the language; Korean feedback, widget text and figures
come with the package (the message table, the font and its licence); English stays as it was."""

import io
import re
import warnings

import matplotlib
import pytest
from translate import helper_messages, messages_path, update_messages  # tools/translate.py

import helpers
from helpers.exercises import nb01, nb03
from helpers.language import _, current_language, font_family, message_table, use_language
from helpers.widgets.gd_explorer import GradientDescentExplorer

HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(autouse=True)
def english_afterwards():
    family = list(matplotlib.rcParams["font.family"])
    yield
    use_language("en")
    matplotlib.rcParams["font.family"] = family


def test_english_until_a_notebook_chooses():
    assert current_language() == "en"
    assert str(nb01.check_mse_at_1_25(7.875)).startswith("⏳ Not yet: mse_at_1_25 = 7.875 is not")


def test_use_language_names_the_argument_and_the_choices():
    with pytest.raises(ValueError, match=r"language must be one of 'en', 'ko', got 'kr'"):
        use_language("kr")
    with pytest.raises(TypeError, match=r"language must be a str, got None of type NoneType"):
        use_language(None)
    assert current_language() == "en"


def test_korean_feedback_with_its_hint_and_english_again():
    use_language("ko")
    wrong = str(nb01.check_mse_at_1_25(7.875))
    assert wrong == (
        "⏳ 아직: mse_at_1_25 = 7.875: 정답이 아닙니다.\n"
        "   힌트: 그것은 제곱 오차의 합입니다. MSE는 그 평균이므로 3으로 나누세요."
    )
    assert str(nb01.check_mse_at_1_25(2.625)) == "✅ 정답: mse_at_1_25 = 2.625."
    assert str(nb03.check_train(None)).startswith("⏳ 아직: train의 답이 비어 있습니다.")
    use_language("en")
    assert str(nb01.check_mse_at_1_25(2.625)) == "✅ Right: mse_at_1_25 = 2.625."


def test_korean_widget_text():
    use_language("ko")
    explorer = GradientDescentExplorer([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], lr=0.2, steps=12)
    assert (
        explorer.message
        == "lr = 0.2, 12 스텝: w = 1.8204, MSE = 0.15 - 지그재그(지나치지만 수렴함)"
    )
    assert explorer.axes[1].get_title() == "스텝별 w"


def test_every_helper_message_has_a_korean_translation_with_the_same_fields():
    table = message_table("ko")
    english = helper_messages()
    assert len(english) > 60
    missing = [text for text in english if text not in table]
    assert not missing, "python3 dev.py translate, then translate in helpers/locale/ko.po: " + str(
        missing
    )
    for text in english:
        fields = sorted(re.findall(r"\{\w*\}", text))
        assert sorted(re.findall(r"\{\w*\}", table[text])) == fields, text
        assert HANGUL.search(table[text]) or table[text] == text, text


def test_the_message_table_is_in_step_with_the_helpers():
    """The committed catalog is what python3 dev.py translate would write now."""
    import polib

    committed = polib.pofile(str(messages_path("ko")), wrapwidth=0)
    assert str(update_messages(committed, "ko")) == str(committed)


def test_a_message_the_table_lacks_stays_english():
    use_language("ko")
    assert _("a sentence nobody translated") == "a sentence nobody translated"


def _missing_glyph_warnings(family, text):
    """The warnings matplotlib gives while it draws ``text`` with ``family`` (and a log axis,
    whose tick labels are math text with minus signs)."""
    import matplotlib.pyplot as plt

    with warnings.catch_warnings(record=True) as caught, plt.rc_context({"font.family": family}):
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_yscale("log")
        ax.plot([0.001, 1.0, -1.0], label=text)
        ax.set(title=text, xlabel=text)
        ax.legend()
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
    return [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_hangul_and_symbols_draw_without_a_missing_glyph():
    text = "스텝별 w: ŷ = x·w − y, e², 최솟값"
    assert _missing_glyph_warnings(font_family("ko"), text) == []
    assert _missing_glyph_warnings(["DejaVu Sans"], text)  # what the default font would do
    assert font_family("ko") == ["DejaVu Sans", "NanumGothic"]


def test_use_language_sets_the_font_and_english_restores_the_default():
    default = list(matplotlib.rcParamsDefault["font.family"])
    use_language("ko")
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", "NanumGothic"]
    use_language("en")
    assert matplotlib.rcParams["font.family"] == default


def test_the_font_comes_with_the_package_and_its_licence():
    from importlib import resources

    fonts = resources.files(helpers) / "fonts"
    assert (fonts / "NanumGothic.ttf").read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    licence = (fonts / "OFL.txt").read_text()
    assert "NanumGothic" in licence and "SIL OPEN FONT LICENSE Version 1.1" in licence
