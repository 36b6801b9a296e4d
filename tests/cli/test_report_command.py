"""`python -m loaders report ...`: the situation report of a month for every unit, a service area
or a unit, as a user sees it (--user), written as Markdown, .docx or PDF and read back (python
-docx, pdftotext), in the language given before the command, recorded in the audit trail; a
unit or area the user may not see, or a month that is not one, is a message and no file.

The municipality is tests/views/dashboard.py's, with today fixed after its March 2024."""

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from cli import main
from data_model import audit, users
from data_model.db import open_database
from tests.views import dashboard as d

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kissa ja koira 123"


@pytest.fixture
def url(tmp_path, monkeypatch, fresh_sqlite, filled_once) -> str:
    monkeypatch.setenv("TILANNEKUVA_TODAY", "2024-04-10")
    url = f"sqlite:///{tmp_path / 'report.db'}"
    fresh_sqlite(url)
    engine = open_database(url)
    filled_once(engine, "municipality", d.import_municipality)
    users.add_user(
        engine=engine, name="esihenkilo", role="manager", password=PASSWORD, areas=d.EARLY
    )
    engine.dispose()
    return url


def report(url, *args, lang: str = "fi") -> int:
    return main(["--lang", lang, "report", *args, "--database-url", url])


def test_markdown_of_the_newest_month_for_every_unit_is_recorded(url, tmp_path, capsys):
    out = tmp_path / "katsaus.md"

    assert report(url, "--format", "md", "--out", str(out)) == 0

    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Tilannekatsaus 3/2024\n")
    assert "- **Yksiköt tai palvelualue:** Kaikki yksiköt" in text
    assert "- **Viejä:** cli (komentorivi)" in text
    # The Overview's March: 12 answers that count (Kuu's 3 are a privacy cell), mean 3.75.
    assert "- Palautteen keskiarvo: 3,75, tavoite 4,00 (tavoitteesta jäljessä)." in text
    assert "- Päiväkoti Aurinko: Valmennusta on kulunut 2 / 12 kk." in text
    assert "Ajalta 3/2024 jätetään pois 1 kohta" in text
    assert capsys.readouterr().out == f"{out}: Tilannekatsaus 3/2024 (md)\n"
    [event] = audit.events(engine=open_database(url), actions=["export"])
    assert event["user"] == "cli"
    assert event["details"] == {
        "what": "report_md",
        "period": "2024-03",
        "selection": "Kaikki yksiköt",
        "as_user": "",
        "file": "katsaus.md",
    }


def test_a_hidden_figure_is_named_hidden_and_never_quoted(url, tmp_path):
    """Kuu's three answers of 3/2024 (all fives) are under the privacy threshold."""
    out = tmp_path / "kuu.md"

    assert (
        report(
            url,
            "--unit",
            "päiväkoti kuu",
            "--month",
            "2024-03",
            "--format",
            "md",
            "--out",
            str(out),
        )
        == 0
    )

    text = out.read_text(encoding="utf-8")
    assert "- **Yksiköt tai palvelualue:** Päiväkoti Kuu" in text
    assert "| Palautteen keskiarvo | piilotettu | 4,00 | ei arvioitavissa | – | – |" in text
    assert "5,00" not in text and "100 %" not in text and "(n = 3)" not in text
    assert (
        "- Muutosta ei voi arvioida, koska luvut on piilotettu yksityisyyden suojan vuoksi: "
        "Palautteen keskiarvo, Myönteisten osuus ja Vastausten määrä."
    ) in text
    assert "ei ole lukuja" not in text  # February has figures; March's are hidden


def test_a_manager_gets_only_their_units_and_no_other(url, tmp_path, capsys):
    out = tmp_path / "esihenkilo.docx"

    assert report(url, "--user", "esihenkilo", "--format", "docx", "--out", str(out)) == 0

    document = Document(io.BytesIO(out.read_bytes()))
    block = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert block["Yksiköt tai palvelualue"] == "2 yksikköä"
    assert block["Yksiköt"] == f"{d.AURINKO}, {d.KUU}"
    assert block["Viejä"] == "esihenkilo (komentorivi)"
    every = "\n".join(p.text for p in document.paragraphs)
    every += "\n".join(c.text for table in document.tables for r in table.rows for c in r.cells)
    assert d.AURINKO in every and d.KOIVU not in every and d.ELDERLY not in every
    [event] = audit.events(engine=open_database(url), actions=["export"])
    assert event["details"]["as_user"] == "esihenkilo"

    other = tmp_path / "koivu.docx"
    code = report(
        url, "--user", "esihenkilo", "--unit", d.KOIVU, "--format", "docx", "--out", str(other)
    )
    assert code == 2 and not other.exists()
    assert capsys.readouterr().err == "no unit 'Palvelutalo Koivu' that esihenkilo may see\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--month", "2024-13"], "'2024-13': give the month as YYYY-MM, e.g. 2026-10\n"),
        (["--area", "Sivistys"], "no service area 'Sivistys'\n"),
        (["--user", "nobody"], "no user 'nobody' who may sign in (users list shows them)\n"),
    ],
)
def test_what_is_not_there_is_a_message_and_no_file(url, tmp_path, capsys, args, said):
    out = tmp_path / "x.md"

    assert report(url, *args, "--format", "md", "--out", str(out)) == 2

    assert capsys.readouterr().err == said and not out.exists()
    assert audit.events(engine=open_database(url), actions=["export"]) == []


@pytest.mark.slow
def test_a_swedish_pdf_of_an_area_from_the_console(url, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "rapport.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders",
            "--lang",
            "sv",
            "report",
            "--area",
            d.EARLY,
            "--month",
            "2024-03",
            "--format",
            "pdf",
            "--out",
            str(out),
            "--database-url",
            url,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr

    read = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(read.split())
    assert "Lägesöversikt 3/2024" in text
    assert f"Enheter eller serviceområde: Serviceområdet {d.EARLY}" in text
    assert "I korthet" in text and "Uppgifter som saknas eller är försenade" in text
    assert f"{d.AURINKO}: Coachningen har pågått 2 av 12 mån." in text
    assert d.KOIVU not in text
