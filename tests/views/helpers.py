"""Helpers for the page tests: the app under AppTest, row counts of the database, small real
workbooks written with openpyxl (a unit register, long feedback, a file with a bad cell), and
readers of what a page shows (metric cards, charts' data)."""

import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
from altair.vegalite.v6.schema.core import Root as VegaLite
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from data_model.models import FeedbackScore, ImportBatch, ServiceArea, Unit

APP = Path(__file__).resolve().parents[2] / "app.py"
IMPORT_PAGE = "views/import_data.py"

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FEEDBACK_HEADER = ["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaus"]


def new_app() -> AppTest:
    """The real app.py, not yet run (set query parameters or environment first)."""
    return AppTest.from_file(str(APP), default_timeout=60)


def open_page(path: str) -> AppTest:
    """The app run once, straight on the page at path (no Overview drawn first). Before its
    first run AppTest finds a page by its file name: app.py gives no page a url_path of its
    own, so the name is the page's address, as in a link."""
    return new_app().switch_page(path).run()


def open_import_page() -> AppTest:
    return open_page(IMPORT_PAGE)


def counts(engine: Engine) -> dict[str, int]:
    """Rows per table that an import writes to."""
    tables = {"batches": ImportBatch, "feedback": FeedbackScore, "units": Unit}
    tables["areas"] = ServiceArea
    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in tables.items()
        }


def shown_texts(at: AppTest) -> list[str]:
    """Every text element's value on the page (titles, markdown, alerts, captions)."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
    kinds += ("success", "exception", "code", "text")
    return [str(getattr(element, "value", "")) for kind in kinds for element in at.get(kind)]


def xlsx_bytes(rows: list[list], sheet: str = "Taulukko1") -> bytes:
    """A one-sheet workbook whose first row is the header. The bytes carry the time of saving,
    so build a file once where its sha-256 matters."""
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def units_register() -> bytes:
    """Three units in two service areas."""
    return xlsx_bytes(
        [
            ["Yksikkö", "Palvelualue", "Esihenkilö"],
            ["Päiväkoti Aurinko", "Varhaiskasvatus", "Maija M"],
            ["Päiväkoti Kuu", "Varhaiskasvatus", "Pekka P"],
            ["Palvelutalo Koivu", "Vanhuspalvelut", "Liisa L"],
        ]
    )


def feedback_long(extra_column: str | None = None) -> bytes:
    """Twelve answers (mean 3.75) for two units of the register, 2.1.2024-7.1.2024; an extra
    column, if named, holds notes the loader does not use."""
    rows = [FEEDBACK_HEADER + ([extra_column] if extra_column else [])]
    for i in range(6):
        day = dt.datetime(2024, 1, 2) + dt.timedelta(days=i)
        for unit, score in (("Päiväkoti Aurinko", 4 + i % 2), ("Palvelutalo Koivu", 3)):
            note = ["muistiinpano"] if extra_column else []
            rows.append([day, unit, "Huoltajakysely", "Lapseni viihtyy", score, *note])
    return xlsx_bytes(rows)


def feedback_with_bad_score() -> bytes:
    """A long feedback file whose answer on Excel row 3 is text, not a number."""
    return xlsx_bytes(
        [
            FEEDBACK_HEADER,
            [dt.datetime(2024, 1, 2), "Päiväkoti Aurinko", "Huoltajakysely", "Viihtyy", 5],
            [dt.datetime(2024, 1, 3), "Päiväkoti Aurinko", "Huoltajakysely", "Viihtyy", "paljon"],
        ]
    )


def metric(at: AppTest, label: str):
    """The st.metric card with this label (the indicator's name)."""
    found = [m for m in at.metric if m.label == label]
    assert len(found) == 1, f"{label!r} not among {[m.label for m in at.metric]}"
    return found[0]


def charts(at: AppTest) -> list[tuple[dict, list[pd.DataFrame]]]:
    """Every Altair chart on the page as (Vega-Lite spec, its datasets as DataFrames). Each spec
    is validated against the Vega-Lite schema here: pages draw them unvalidated (ui.drawing)."""
    found = []
    for chart in at.get("vega_lite_chart"):
        datasets = [
            dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data)
            for d in chart.proto.datasets
        ]
        spec = json.loads(chart.proto.spec)
        VegaLite.validate(spec)
        found.append((spec, datasets))
    return found
