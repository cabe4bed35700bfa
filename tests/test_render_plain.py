"""Text with only plain names ("{{ co_quan }}") is filled without Jinja, exactly as Jinja's sandbox fills it; any
other text still goes through the sandbox; rendering the real letter loads no Jinja."""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ptdraft.templating import render
from ptdraft.templating import jinja_sandbox
from ptdraft.errors import TemplateError
from tests.support import RENDER_REAL_LETTER, modules_loaded_by

NAMES = ["co_quan", "tinh", "nam", "nguoi_ky", "x"]
LITERAL = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="{}\r"), max_size=12)
PIECE = st.one_of(
    LITERAL,
    st.builds(lambda n, a, b: "{{" + " " * a + n + " " * b + "}}", st.sampled_from(NAMES), st.integers(0, 2),
              st.integers(0, 2)),
    st.sampled_from(["\n", "}", " } ", "{{ tinh }}\n"]),
)
VALUES = st.dictionaries(st.sampled_from(NAMES), st.text(max_size=10) | st.integers() | st.none(), max_size=5)


def _same_as_the_sandbox(fill, source: str, values) -> None:
    """``fill(source, values, where)`` gives what Jinja's sandbox gives for the whole text, or the same error."""
    try:
        expected = jinja_sandbox.render_text(source, values, "x") if "{" in source else source
    except TemplateError as exc:
        with pytest.raises(TemplateError) as caught:
            fill(source, values, "x")
        assert caught.value.message == exc.message
        return
    assert fill(source, values, "x") == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECE, max_size=6), VALUES)
def test_plain_names_fill_as_jinja_fills_them(pieces, values):
    source = "".join(pieces)
    _same_as_the_sandbox(render.render_text, source, values)
    if "{" in source:
        assert render.names_used(source) == jinja_sandbox.names_used(source)


def test_other_jinja_still_goes_through_the_sandbox():
    values = {"ngay": "2026-06-05", "ds": ["a", "b"], "ten": "An"}
    assert render.render_text("{{ ten | upper }}", values, "x") == "AN"
    assert render.render_text("{% for d in ds %}{{ d }};{% endfor %}", values, "x") == "a;b;"
    assert render.render_text("{{ ngay | ngay }}", values, "x") == jinja_sandbox.render_text("{{ ngay | ngay }}", values, "x")
    with pytest.raises(TemplateError, match="khong_co"):
        render.render_text("Kính gửi {{ khong_co }}", values, "x")
    with pytest.raises(TemplateError, match="đọc tệp"):
        render.check_statements("{% include 'x' %}", "x")
    assert render.names_used("{{ range }}") == frozenset()


def test_the_real_letter_renders_without_loading_jinja():
    loaded = modules_loaded_by(RENDER_REAL_LETTER)
    assert {"ptdraft", "zlib"} <= loaded  # the check sees what the process loaded
    assert "jinja2" not in loaded and "babel" not in loaded


PARAGRAPH = st.lists(PIECE, min_size=1, max_size=4).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(PARAGRAPH, min_size=2, max_size=8), st.sampled_from(["\n\n", "\n\n\n", "\n\n\n\n"]), VALUES,
       st.sampled_from(["", "\n", "\n\n"]))
@example(["{{ x }}", "0"], "\n\n", {"x": "\r"}, "")  # "\r" then "\n": one line break in the whole text
def test_a_long_text_filled_by_paragraph_is_the_whole_filled_at_once(paragraphs, gap, values, end):
    """Above the length where a body is filled paragraph by paragraph, the result (or the error) is the one the
    whole text gives in one piece."""
    import ptdraft.templating.render as r

    source = gap.join(paragraphs) + end
    old = r._SPLIT_AT
    r._SPLIT_AT = 0  # every text this test makes counts as long
    try:
        _same_as_the_sandbox(r.render_cached, source, values)
    finally:
        r._SPLIT_AT = old
