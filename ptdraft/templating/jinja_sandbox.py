"""Jinja2's sandbox with ptdraft's budget: the only module that imports jinja2, loaded only when a piece of text
needs more than plain names (a filter, a loop, a condition, an expression); see :func:`ptdraft.templating.render.render_text`.

The sandbox takes steps from the budget (:mod:`ptdraft.templating.render_limits`): every loop iteration, call and printed piece;
the filters and operations whose result size an argument sets are checked before they run.
"""
from __future__ import annotations

import functools
import re
from typing import Mapping

import jinja2
import jinja2.meta
import jinja2.visitor
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError, safe_range

from ptdraft.reference import dates
from ptdraft.templating import render_limits as limits
from ptdraft.errors import TemplateError
from ptdraft.reference.dates import as_date
from ptdraft.text import normalise

GLOBAL_NAMES = frozenset({"range", "loop"})


def _filter_date(value: object) -> str:
    day = as_date(value)
    return dates.date_words(day) if day else str(value)


def _filter_short_date(value: object) -> str:
    day = as_date(value)
    return dates.short_date(day) if day else str(value)


def _filter_number(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dates.number(value)
    return str(value)


class _LimitedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with a budget (:mod:`ptdraft.templating.render_limits`): every loop iteration, call and
    printed piece takes a step; operations whose result size a number sets are checked first."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def call_binop(self, context, operator, left, right):  # noqa: D102 - jinja2 override
        limits.step()
        limits.check_binop(operator, left, right)
        return limits.check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805,D102 - jinja2 override, same odd names
        limits.step()
        args = limits.check_method_call(__obj, args, kwargs)
        return limits.check_size(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value):  # noqa: D102 - jinja2 override
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            limits.check_str_format(value.__self__)
        return wrapped

    def _generate(self, source, name, filename, defer_init=False):  # noqa: D102 - jinja2 hook
        return super()._generate(_Metered().visit(source), name, filename, defer_init=defer_init)


class _Metered(jinja2.visitor.NodeTransformer):
    """Rewrites a template so that it takes steps from the budget: each loop item, each printed
    piece (literal text included, inside blocks and macros too) and each ``~`` join."""

    @staticmethod
    def _filter(node, name):
        return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)

    def visit_For(self, node):
        node = self.generic_visit(node)
        node.iter = self._filter(node.iter, "_ptdraft_loop")
        return node

    def visit_Output(self, node):
        node = self.generic_visit(node)
        node.nodes = [
            self._filter(nodes.Const(child.data, lineno=child.lineno) if isinstance(child, nodes.TemplateData) else child,
                         "_ptdraft_print")
            for child in node.nodes
        ]
        return node

    def visit_Concat(self, node):
        return self._filter(self.generic_visit(node), "_ptdraft_sized")


# The rewriting filters take the context so that Jinja never runs them while compiling.
@jinja2.pass_context
def _meter_loop(_context, iterable):
    for item in iterable:
        limits.step()
        yield item


@jinja2.pass_context
def _meter_print(_context, value):
    limits.printed(value)
    return value


@jinja2.pass_context
def _meter_sized(_context, value):
    limits.step()
    return limits.check_size(value)


def _guard_filters(filters: dict) -> None:
    """Jinja's built-in filters whose result size an argument sets, checked before they run;
    every filter's result checked after."""
    center, indent, fmt, batch, slice_ = (filters[n] for n in ("center", "indent", "format", "batch", "slice"))
    join, replace = filters["join"], filters["replace"]

    def do_center(value, width=80):
        limits.check_width(width)
        return center(value, width)

    def do_indent(s, width=4, first=False, blank=False):
        limits.check_width(width)
        lines = str(s).count("\n") + 1
        if isinstance(width, str) and len(width) * lines > limits.MAX_VALUE:
            limits.check_width(len(width) * lines)
        return indent(s, width, first, blank)

    def do_format(value, *args, **kwargs):
        limits.check_percent_format(str(value))
        return fmt(value, *args, **kwargs)

    def do_batch(value, linecount, fill_with=None):
        limits.check_width(linecount, "số phần tử mỗi nhóm")
        return batch(value, linecount, fill_with)

    def do_slice(value, slices, fill_with=None):
        limits.check_width(slices, "số nhóm")
        return slice_(value, slices, fill_with)

    @jinja2.pass_eval_context
    def do_join(eval_ctx, value, d="", attribute=None):
        items = list(value)
        limits.estimate_join(d, items)
        return join(eval_ctx, items, d, attribute)

    @jinja2.pass_eval_context
    def do_replace(eval_ctx, s, old, new, count=None):
        limits.estimate_replace(str(s), old, new)
        return replace(eval_ctx, s, old, new, count)

    filters.update(center=do_center, indent=do_indent, format=do_format, batch=do_batch, slice=do_slice,
                   join=do_join, replace=do_replace)
    for name, function in list(filters.items()):
        filters[name] = _checked(function)
    filters.update(_ptdraft_loop=_meter_loop, _ptdraft_print=_meter_print, _ptdraft_sized=_meter_sized)


def _checked(function):
    @functools.wraps(function)  # keeps jinja's pass_context/pass_eval_context mark
    def checked(*args, **kwargs):
        return limits.check_size(function(*args, **kwargs))

    return checked


@functools.cache
def _environment() -> ImmutableSandboxedEnvironment:
    env = _LimitedSandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["ngay"] = _filter_date
    env.filters["ngay_ngan"] = _filter_short_date
    env.filters["so"] = _filter_number
    _guard_filters(env.filters)
    env.globals.clear()
    env.globals["range"] = safe_range
    return env



def _describe(exc: Exception) -> str:
    text = str(exc)
    if isinstance(exc, jinja2.UndefinedError):
        attribute = re.search(r"has no attribute '([^']*)'", text)
        if attribute:
            return f"giá trị không có thuộc tính '{attribute.group(1)}'"
        name = text.split("'")[1] if text.count("'") >= 2 else text
        return f"dùng tên '{name}' mà mẫu không khai báo hoặc chưa có giá trị"
    return text


MAX_NESTING = 40  # brackets inside one another in a piece of Jinja; templates use three or four


def _too_deep(where: str) -> TemplateError:
    return TemplateError(
        f"biểu thức Jinja lồng nhau quá sâu hoặc quá dài để dịch (tối đa {MAX_NESTING} tầng ngoặc)", where)


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def _check_nesting(source: str, where: str) -> None:
    """Refuse, before Jinja parses it, an expression or a statement whose brackets nest deeper than
    :data:`MAX_NESTING` (the text around them is not looked at: prose may open brackets it never closes)."""
    for tag in _TAG.finditer(source):
        depth = 0
        for char in tag.group()[2:-2]:
            if char in "([{":
                depth += 1
                if depth > MAX_NESTING:
                    raise _too_deep(where)
            elif char in ")]}" and depth:
                depth -= 1


@functools.lru_cache(maxsize=512)
def _compile(source: str) -> jinja2.Template:
    return _environment().from_string(source)


def _check_syntax(source: str, where: str) -> jinja2.Template:
    _check_nesting(source, where)
    try:
        return _compile(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"lỗi cú pháp Jinja ở dòng {exc.lineno} của phần này: {exc.message}", where) from None
    except (RecursionError, MemoryError, SyntaxError):  # a chain of thousands of operators, or Python's own limits
        raise _too_deep(where) from None


def _parse(source: str, where: str):
    _check_nesting(source, where)
    try:
        return _environment().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"lỗi cú pháp Jinja ở dòng {exc.lineno} của phần này: {exc.message}", where) from None
    except (RecursionError, MemoryError):
        raise _too_deep(where) from None


def names_used(source: str, where: str = "mẫu") -> frozenset[str]:
    """The names a piece of Jinja text reads, except the environment's own."""
    if "{" not in source:
        return frozenset()
    ast = _parse(source, where)
    try:
        return frozenset(jinja2.meta.find_undeclared_variables(ast)) - GLOBAL_NAMES
    except RecursionError:
        raise _too_deep(where) from None


_FILE_STATEMENTS = (
    (nodes.Include, "include"),
    (nodes.Import, "import"),
    (nodes.FromImport, "from … import"),
    (nodes.Extends, "extends"),
)


def check_statements(source: str, where: str = "mẫu") -> None:
    """Refuse text that asks to read another file ({% include %}, {% import %}, {% extends %})."""
    if "{%" not in source:
        return
    ast = _parse(source, where)
    for kind, word in _FILE_STATEMENTS:
        found = next(iter(ast.find_all(kind)), None)
        if found is not None:
            raise TemplateError(
                f"dòng {found.lineno} của phần này dùng {{% {word} %}} để đọc tệp khác; mẫu không được đọc tệp", where
            )


def render_text(source: str, values: Mapping[str, object], where: str) -> str:
    """One piece of Jinja text rendered with ``values``; plain text comes back as it is."""
    if "{" not in source:
        return source
    template = _check_syntax(source, where)
    try:
        with limits.budget_scope():
            result = template.render(values)
    except limits.BudgetExceeded as exc:
        raise TemplateError(exc.message, where) from None
    except MemoryError:
        raise TemplateError("mẫu dùng quá nhiều bộ nhớ nên đã bị dừng", where) from None
    except SecurityError:
        raise TemplateError("mẫu dùng một thao tác không được phép (truy cập nội bộ Python)", where) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(_describe(exc), where) from None
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, OverflowError, RecursionError) as exc:
        raise TemplateError(f"không tính được biểu thức trong mẫu: {exc}", where) from None
    if len(result) > limits.MAX_OUTPUT:
        raise TemplateError(f"văn bản sinh ra quá dài (trên {limits.MAX_OUTPUT} ký tự)", where)
    return normalise(result)


