"""The texts catalogue: every language holds the same keys with the same placeholders, and every
key the code asks for exists, so the user never sees a raw key such as "import.titel"."""

import ast
import re
import string
from pathlib import Path

import pytest

from core.texts import LANGUAGES, TEXTS
from loaders import FORMS, KINDS, load_file
from loaders.templates import TEMPLATE_FORMS, template_bytes

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("views", "ui", "loaders", "data_model", "core", "demo", "importing", "cli")
SOURCES = [ROOT / "app.py", *(ROOT / d for d in PACKAGES)]
# t("import.title", ...) is a literal key; t(f"kind.{k}") and t("status." + s) use a prefix.
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z][\w.]*)["']\s*[,)]""")
DYNAMIC_PREFIX = re.compile(r"""\bt\(\s*(?:f["']([a-z][\w.]*\.)\{|["']([a-z][\w.]*\.)["']\s*\+)""")
# Calls whose first argument is a problem code, rendered as the text "problem.<code>".
PROBLEM_CALLS = {"add", "warn", "fail", "Problem", "Invalid"}


def _source_files() -> list[Path]:
    files = []
    for source in SOURCES:
        files += sorted(source.rglob("*.py")) if source.is_dir() else [source]
    return files


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _missing(keys: set[str]) -> dict[str, list[str]]:
    """Per language, the keys it lacks."""
    gaps = {lang: sorted(keys - TEXTS[lang].keys()) for lang in LANGUAGES}
    return {lang: lacking for lang, lacking in gaps.items() if lacking}


def _report(missing: dict[str, list[str]]) -> str:
    return "\n".join(f"{lang} lacks: {', '.join(keys)}" for lang, keys in missing.items())


def test_every_language_has_the_same_keys():
    every_key = set().union(*(TEXTS[lang].keys() for lang in LANGUAGES))
    missing = _missing(every_key)
    assert not missing, _report(missing)


def test_placeholders_are_the_same_in_every_language():
    differing = [
        f"{key}: fi {sorted(_placeholders(fi))} / {lang} {sorted(_placeholders(other))}"
        for lang in LANGUAGES
        for key, fi in TEXTS["fi"].items()
        if (other := TEXTS[lang].get(key)) is not None and _placeholders(fi) != _placeholders(other)
    ]
    assert not differing, "\n".join(differing)


def test_no_text_is_empty():
    empty = [
        f"{lang}: {key}"
        for lang in LANGUAGES
        for key, text in TEXTS[lang].items()
        if not text.strip()
    ]
    assert not empty, "\n".join(empty)


def test_every_literal_key_in_the_code_exists():
    used: dict[str, set[str]] = {}
    for path in _source_files():
        for key in LITERAL_KEY.findall(path.read_text(encoding="utf-8")):
            used.setdefault(key, set()).add(str(path.relative_to(ROOT)))
    assert len(used) > 50, "the scan found too few keys: has the t() call changed shape?"
    missing = _missing(set(used))
    where = {key: sorted(used[key]) for keys in missing.values() for key in keys}
    assert not missing, f"{_report(missing)}\nused in: {where}"


def test_every_dynamic_key_prefix_has_texts():
    """t(f"kind.{kind}") and the like: each prefix must name a family of texts (the families
    used by the import page are checked key by key below)."""
    found = [m for path in _source_files() for m in DYNAMIC_PREFIX.findall(path.read_text())]
    prefixes = {f_string or concatenated for f_string, concatenated in found}
    assert {"kind.", "form.", "status.", "col."} <= prefixes
    empty = [p for p in prefixes if not any(key.startswith(p) for key in TEXTS["fi"])]
    assert not empty, f"no texts for the prefixes {empty}"


def test_every_kind_form_and_status_has_a_name():
    keys = {f"kind.{kind}" for kind in KINDS}
    keys |= {f"form.{schema.form}" for schema, _ in FORMS}
    keys |= {f"status.{status}" for status in ("imported", "unchanged", "error")}
    missing = _missing(keys)
    assert not missing, _report(missing)


def _problem_codes(tree: ast.AST) -> set[str]:
    """Problem codes written as literals: add("code", ...), Problem("a" if x else "b", ...),
    code = "..." assignments and the values of a ..._CODES dict."""

    def literals(node) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return literals(node.body) | literals(node.orelse)
        return set()

    codes: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in PROBLEM_CALLS:
                codes |= literals(node.args[0])
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = getattr(node.targets[0], "id", "")
            if target == "code":
                codes |= literals(node.value)
            elif target.endswith("_CODES") and isinstance(node.value, ast.Dict):
                codes |= set().union(*(literals(v) for v in node.value.values))
    return codes


def test_every_problem_a_loader_raises_has_a_text():
    codes: set[str] = set()
    for path in _source_files():
        if path.parts[-2] in ("loaders", "data_model", "core", "importing"):
            codes |= _problem_codes(ast.parse(path.read_text(encoding="utf-8")))
    assert {"not_a_number", "missing_columns", "legacy_xls", "unit_created"} <= codes
    missing = _missing({f"problem.{code}" for code in codes})
    assert not missing, _report(missing)


@pytest.mark.parametrize(("kind", "form"), TEMPLATE_FORMS)
def test_every_stored_column_has_a_header(kind, form):
    """Previews translate each stored column as col.<name>; a template's example row shows
    every column its kind stores."""
    loaded = load_file(f"malli_{kind}.xlsx", template_bytes(kind, form))
    columns = {column for table in loaded.tables.values() for column in table.columns}
    missing = _missing({f"col.{column}" for column in columns})
    assert not missing, _report(missing)
