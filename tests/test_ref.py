"""ptdraft.model.Ref: one way to read, write, get and set a place in a draft ("requirements[2].subitems[1]")."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ptdraft import api
from ptdraft.model import Item, Ref, ref_field, ref_head, value_ref
from ptdraft.templating import part_fields

NAMES = st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True)
STEPS = st.lists(st.tuples(NAMES, st.none() | st.integers(min_value=1, max_value=999)), min_size=1, max_size=4)


@given(STEPS)
def test_a_ref_written_out_reads_back_the_same(steps):
    ref = Ref(tuple(steps))
    assert Ref.parse(str(ref)) == ref


@pytest.mark.parametrize("text", ["", "body.", "requirements[x]", "[2]", "a..b", "requirements[2]x", "co quan"])
def test_text_that_names_no_part_is_refused(text):
    with pytest.raises(ValueError):
        Ref.parse(text)
    assert ref_head(text) == ""


def test_the_parts_of_a_ref():
    ref = Ref.parse("requirements[2].subitems[1]")
    assert (ref.head, ref.index, ref.field) == ("requirements", 2, None)
    assert ref.within("requirements") and not ref.within("requirement") and not ref.within("body")
    assert Ref.parse("values.co_quan").field == "co_quan"
    assert ref_head("annexes[1].title") == "annexes"


@pytest.mark.parametrize("text, named, whole", [
    ("values.co_quan", ("co_quan", None), "co_quan"),
    ("values.thanh_phan[3]", ("thanh_phan", 3), None),
    ("values", None, None),
    ("values.a.b", None, None),
    ("signature.name", None, None),
    ("values.co quan", None, None),
])
def test_the_template_field_a_ref_names(text, named, whole):
    """The window's steps, review and corrections find a template field's value this way."""
    assert value_ref(text) == named
    assert ref_field(text) == whole


def _letter():
    draft = api.example_draft(api.get_template("cong-van-van-phong-ubnd-tinh"))
    return api.fill(draft)


def test_get_reads_what_the_content_holds():
    content = _letter()
    assert Ref.parse("subject").get(content) == content.subject
    assert Ref.parse("signature.name").get(content) == content.signature.name
    assert Ref.parse("requirements[2]").get(content) == content.requirements[1]
    assert Ref.parse("distribution[1]").get(content) == content.distribution[0]
    assert Ref.parse(f"requirements[{len(content.requirements) + 1}]").get(content) == ""  # not there: nothing


def test_with_value_replaces_only_what_it_names():
    content = _letter()
    changed = Ref.parse("requirements[1].text").with_value(content, "Sửa mục một.")
    assert changed.requirements[0] == Item("Sửa mục một.", content.requirements[0].subitems)
    assert changed.requirements[1:] == content.requirements[1:] and changed.subject == content.subject
    named = Ref.parse("signature.name").with_value(content, "Lê Thị Hoa")
    assert named.signature.name == "Lê Thị Hoa" and named.signature.position == content.signature.position
    assert Ref.parse("requirements[99].text").with_value(content, "x") == content  # no such entry: unchanged


def test_the_template_fields_code_reads_and_writes_parts_through_it():
    content = _letter()
    assert part_fields.part_value(content, "signature.position") == content.signature.position
    assert part_fields.with_part(content, "subject", "V/v mới").subject == "V/v mới"
