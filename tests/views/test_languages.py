"""Every page in every language: opened with ?lang=fi, ?lang=sv and ?lang=en by a signed-in
admin on a municipality with data, each page shows no raw text key and none of a short list of
common words of the other two languages, in any text a user reads (titles, captions, alerts,
labels, help, options, metrics, table headings and cells, chart titles and labels)."""

import json
import re
from pathlib import Path

import pytest
from google.protobuf.descriptor import FieldDescriptor
from streamlit import dataframe_util

from core.texts import LANGUAGES, TEXTS
from data_model import users
from tests.views import dashboard as d
from tests.views import helpers as h

PAGES = (
    "views/overview.py",
    "views/report.py",
    "views/trends.py",
    "views/feeling_meter.py",
    "views/units.py",
    "views/effectiveness.py",
    "views/wellbeing.py",
    "views/import_data.py",
    "views/settings.py",
    "views/indicators.py",
    "views/users.py",
    "views/audit.py",
)
ADMIN, PASSWORD = "paakayttaja", "admin-salasana"
FORMS = Path(__file__).resolve().parent.parent / "files" / "forms_huoltajakysely.xlsx"

# Common words of each language's interface that the other two never use (matched as whole
# words, case as written); the test municipality's own names and comments, and the uploaded
# files' headers, hold none of them.
WORDS = {
    "fi": (
        "Yksiköt",
        "Palaute",
        "Palautteen",
        "Kehitys",
        "Tuonti",
        "Asetukset",
        "kesken",
        "tavoite",
        "Tavoite",
        "tavoitteessa",
        "Kaikki",
        "Mittari",
        "Aikaväli",
        "Lataa",
        "Tallenna",
        "vastausta",
        "vk",
        "kk",
    ),
    "sv": (
        "Enhet",
        "Enheter",
        "Respons",
        "Utveckling",
        "Inställningar",
        "målvärde",
        "Målvärde",
        "pågår",
        "och",
        "för",
        "Översikt",
        "Serviceområde",
        "medeltal",
        "Stämning",
        "Spara",
        "mån",
    ),
    "en": (
        "Unit",
        "Units",
        "Feedback",
        "Trends",
        "Settings",
        "Overview",
        "target",
        "Target",
        "progress",
        "the",
        "and",
        "Download",
        "Save",
        "Mood",
        "pp",
    ),
}
# A text key as t() would leave it when a language lacked it: "overview.title".
KEY = re.compile(r"\b[a-z_]+(?:\.[a-z_:0-9-]+)+\b")
KEYS = {key for key in TEXTS["fi"] if "." in key}
# Proto fields that hold no text a user reads (ids, icons, formats, CSS, file references).
TECHNICAL = {"id", "form_id", "icon", "deferred_file_id", "format", "min", "max", "type", "tag"}
TECHNICAL |= {"url", "css", "default", "raw_value", "raw_values", "file_id", "mimetype", "key"}


def _frame_texts(data: bytes, columns: dict | None = None) -> list[str]:
    """A table's visible headings (from its column config where given) and its text cells."""
    frame = dataframe_util.convert_arrow_bytes_to_pandas_df(data)
    columns = columns or {}
    texts = []
    for name in frame.columns:
        config = columns.get(str(name), {})
        if config is None:  # a hidden column
            continue
        texts += [config.get("label") or str(name), config.get("help") or ""]
        texts += [cell for cell in frame[name] if isinstance(cell, str)]
    return texts


def _chart_texts(spec: dict) -> list[str]:
    """Titles and fixed texts of a Vega-Lite spec (not its expressions or field names)."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "text") and isinstance(value, str):
                found.append(value)
            elif key == "title" and isinstance(value, list):
                found += [v for v in value if isinstance(v, str)]
            else:
                found += _chart_texts(value)
    elif isinstance(spec, list):
        for item in spec:
            found += _chart_texts(item)
    return found


def _proto_texts(message) -> list[str]:
    texts = []
    for field, value in message.ListFields():
        if field.name in TECHNICAL:
            continue
        repeated = field.is_repeated
        values = list(value) if repeated else [value]
        if field.name == "columns" and isinstance(value, str):
            continue  # read with the table's data below
        if field.name == "spec":
            texts += _chart_texts(json.loads(value))
        elif field.name == "datasets":
            for dataset in values:
                frame = dataframe_util.convert_arrow_bytes_to_pandas_df(dataset.data.data)
                texts += [c for col in frame.columns for c in frame[col] if isinstance(c, str)]
        elif field.name == "arrow_data":
            columns = json.loads(message.columns) if getattr(message, "columns", "") else {}
            texts += _frame_texts(value.data, columns)
        elif field.type == FieldDescriptor.TYPE_STRING:
            texts += values
        elif field.type == FieldDescriptor.TYPE_MESSAGE:
            for item in values:
                texts += _proto_texts(item)
    return texts


def page_texts(at) -> list[str]:
    """Every text a user reads on the page and in its sidebar."""
    texts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and type(node).__name__ != "Html":  # Html: the layout's CSS
            texts.extend(_proto_texts(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [text for text in texts if text]


def foreign_words(texts: list[str], lang: str) -> set[str]:
    """The other languages' words found in the texts, each with the text it sits in."""
    others = [word for other in LANGUAGES if other != lang for word in WORDS[other]]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, others)) + r")(?![\w-])")
    found = set()
    for text in texts:
        found |= {f"{m[1]!r} in {text[:120]!r}" for m in pattern.finditer(text)}
    return found


def raw_keys(texts: list[str]) -> set[str]:
    return {m for text in texts for m in KEY.findall(text) if m in KEYS}


@pytest.fixture
def signed_in(app_engine, municipality):
    """Open the app in a language as a signed-in admin."""
    users.add_user(engine=app_engine, name=ADMIN, role="admin", password=PASSWORD)

    def open_in(lang: str):
        at = h.new_app()
        at.query_params["lang"] = lang
        at.run()
        sign_in = page_texts(at)
        at.text_input(key="signin_name").input(ADMIN)
        at.text_input(key="signin_password").input(PASSWORD)
        return at.button[0].click().run(), sign_in

    return open_in


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_speaks_only_its_language(signed_in, municipality, lang):
    at, sign_in = signed_in(lang)
    shown = {"sign-in": sign_in}
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        shown[page] = page_texts(at)
    # The pages' other states: a coached unit's dashboard, and the Import page's mapping step
    # and its table of problems.
    coached = municipality.units[d.AURINKO]
    at.switch_page("views/units.py").run()
    at.selectbox(key="units_page_unit").select(coached).run()
    shown["a coached unit"] = page_texts(at)
    at.switch_page(h.IMPORT_PAGE).run()
    forms = (FORMS.name, FORMS.read_bytes(), h.XLSX_MIME)
    bad = ("huono.xlsx", h.feedback_with_bad_score(), h.XLSX_MIME)
    at.file_uploader(key="import_files").set_value([forms, bad]).run()
    assert not at.exception
    shown["the mapping step"] = page_texts(at)
    found = {page: sorted(foreign_words(texts, lang)) for page, texts in shown.items()}
    keys = {page: sorted(raw_keys(texts)) for page, texts in shown.items()}
    assert not {p: w for p, w in found.items() if w}, found
    assert not {p: k for p, k in keys.items() if k}, keys
