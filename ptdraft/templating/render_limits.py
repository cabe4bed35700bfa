"""Limits on what rendering one draft may cost: time, steps, characters, and sizes asked for.

Jinja's sandbox stops a template from reaching Python internals, but not from looping
for hours (``range()`` is capped at 100,000 items, and two nested loops make 10¹⁰) or
from asking for a gigabyte in one expression (``'x' * 10**9``, ``'{:>999999999}'``).
:mod:`ptdraft.templating.render` compiles every template so that each loop iteration, call and
printed piece takes a :func:`step` from the budget of the current render, counts what
it prints, and checks every operation whose result size is set by a number in the
template before it runs. A render that goes over raises :class:`BudgetExceeded`,
which becomes a TemplateError with a clear message.

No jinja2 here: this module only keeps the budget and does the arithmetic.
"""
from __future__ import annotations

import contextlib
import contextvars
import re
import string
import time
from dataclasses import dataclass
from typing import Any, Iterator

RENDER_SECONDS = 3.0  # one draft (all its pieces) may render this long
RENDER_STEPS = 1_000_000  # loop iterations, calls and printed pieces in one draft
MAX_OUTPUT = 1_000_000  # characters one piece of text may render to (a body of about 400 pages)
RENDER_OUTPUT = 2_000_000  # characters one draft may produce, including text built inside loops and blocks
MAX_WIDTH = 10_000  # a width, padding or repeat count one expression may ask for
MAX_INT_BITS = 100_000  # size of an integer one expression may build (about 30,000 digits)


from ptdraft.text import MAX_VALUE  # noqa: E402, F401 - characters (or items) one value built by a template may hold
from ptdraft.text import grouped as _n  # noqa: E402 - the messages' digit grouping


class BudgetExceeded(Exception):
    """A render went over one of its limits; ``message`` is for the clerk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Budget:
    deadline: float
    seconds: float
    steps: int = 0
    output: int = 0

    def step(self) -> None:
        self.steps += 1
        if self.steps > RENDER_STEPS:
            raise BudgetExceeded(
                f"mẫu lặp hoặc gọi hàm quá nhiều lần (trên {_n(RENDER_STEPS)} bước) nên đã bị dừng; "
                "kiểm tra các vòng lặp {% for %} lồng nhau"
            )
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(
                f"mẫu chạy quá {self.seconds:g} giây nên đã bị dừng; kiểm tra các vòng lặp {{% for %}} quá lớn"
            )

    def printed(self, size: int) -> None:
        self.output += size
        if self.output > RENDER_OUTPUT:
            raise BudgetExceeded(
                f"mẫu sinh ra quá nhiều chữ (trên {_n(RENDER_OUTPUT)} ký tự) nên đã bị dừng; "
                "kiểm tra các vòng lặp {% for %}"
            )
        self.step()


_CURRENT: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("ptdraft_render_budget", default=None)


@contextlib.contextmanager
def budget_scope() -> Iterator[Budget]:
    """The budget of the render in progress, or a new one for a render that starts here."""
    current = _CURRENT.get()
    if current is not None:
        yield current
        return
    budget = Budget(deadline=time.monotonic() + RENDER_SECONDS, seconds=RENDER_SECONDS)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def step() -> None:
    budget = _CURRENT.get()
    if budget is not None:
        budget.step()


def printed(value: Any) -> None:
    budget = _CURRENT.get()
    if budget is not None:
        budget.printed(len(value) if isinstance(value, str) else len(str(value)))


# -- checks before an operation whose result size a number in the template sets ------------------


def _too_big(what: str) -> BudgetExceeded:
    return BudgetExceeded(f"mẫu yêu cầu {what} quá lớn (giới hạn {_n(MAX_VALUE)} ký tự hoặc phần tử)")


def _number_too_big() -> BudgetExceeded:
    return BudgetExceeded(f"mẫu yêu cầu một số quá lớn (giới hạn khoảng {_n(MAX_INT_BITS * 3 // 10)} chữ số)")


def _sized(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple, dict, set, frozenset, bytes)) else None


def check_size(value: Any) -> Any:
    """``value`` itself, when it is not a text or list larger than :data:`MAX_VALUE`."""
    size = _sized(value)
    if size is not None and size > MAX_VALUE:
        raise _too_big("một chuỗi hoặc danh sách")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise _number_too_big()
    return value


def check_width(value: Any, what: str = "độ rộng") -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value > MAX_WIDTH:
        raise BudgetExceeded(f"mẫu yêu cầu {what} {_n(value)} quá lớn (giới hạn {_n(MAX_WIDTH)})")


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left operator right`` when its result would be too big to build."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            size = _sized(seq)
            if size is not None and isinstance(count, int) and size * max(count, 0) > MAX_VALUE:
                raise _too_big("lặp lại một chuỗi")
        if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _number_too_big()
    elif operator == "**":
        if _is_int(left) and _is_int(right) and abs(left) > 1 and right > 0:
            if right * left.bit_length() > MAX_INT_BITS:
                raise _number_too_big()
    elif operator == "+":
        a, b = _sized(left), _sized(right)
        if a is not None and b is not None and a + b > MAX_VALUE:
            raise _too_big("một chuỗi ghép")
    elif operator == "%" and isinstance(left, str):
        check_percent_format(left)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")


def check_percent_format(text: str) -> None:
    """Refuse "%999999999s"-style widths and "*" widths in printf-style formatting."""
    for match in _PERCENT.finditer(text):
        for group in match.groups():
            if group == "*":
                raise BudgetExceeded("mẫu không được dùng độ rộng '*' trong định dạng %")
            if group:
                check_width(int(group))


def check_str_format(text: str) -> None:
    """Refuse "{:>999999999}"-style widths and nested fields in str.format specifications."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return  # the call itself reports the malformed format
    for _literal, _field, spec, _conversion in parts:
        if not spec:
            continue
        if "{" in spec:
            raise BudgetExceeded("mẫu không được lồng trường {…} trong phần định dạng của format()")
        for digits in re.findall(r"\d+", spec):
            check_width(int(digits))


def check_method_call(obj: Any, args: tuple, kwargs: dict) -> tuple:
    """Check a call of a text method whose result size its arguments set; the arguments to call it with."""
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return args
    if name in ("center", "ljust", "rjust", "zfill", "expandtabs"):
        for value in (*args, *kwargs.values()):
            check_width(value)
    elif name == "replace" and len(args) >= 2:
        estimate_replace(owner, args[0], args[1])
    elif name == "join" and args:
        items = list(args[0])
        estimate_join(owner, items)
        return (items, *args[1:])
    return args


def estimate_replace(text: Any, old: Any, new: Any) -> None:
    if not (isinstance(text, str) and isinstance(old, str) and isinstance(new, str)):
        return
    count = text.count(old) if old else len(text) + 1
    if len(text) + count * (len(new) - len(old)) > MAX_VALUE:
        raise _too_big("một phép thay thế chữ")


def estimate_join(separator: Any, items: list) -> None:
    if not isinstance(separator, str):
        return
    total = len(separator) * max(len(items) - 1, 0)
    for item in items:
        step()
        total += len(item) if isinstance(item, str) else 0
        if total > MAX_VALUE:
            raise _too_big("một phép nối chuỗi")
