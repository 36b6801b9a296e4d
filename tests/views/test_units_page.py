"""The Units page (one coaching unit's dashboard) on tests/views/dashboard.py's municipality:
opened by ?unit=ID, its coaching facts and goal as plain text, the coaching timeline, cards of
that unit only, charts with the coaching marked and the service area and organisation beside
the unit, and comments only where the group reaches the privacy threshold."""

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric

from tests.views import dashboard as d
from tests.views import helpers as h

UNITS_PAGE = "views/units.py"


def open_unit(municipality, name: str | None, lang: str = "fi"):
    """The Units page as a drill-down link opens it: ?unit=ID (no unit: the page's default)."""
    at = h.new_app()
    at.query_params["lang"] = lang
    if name is not None:
        at.query_params["unit"] = str(municipality.units[name])
    return at.switch_page(UNITS_PAGE).run()


def facts(at) -> list[str]:
    """The register's fields, shown as plain text (st.text), in reading order."""
    return [x.value for x in at.main.text if ": " in x.value][:6]


def comments_table(at):
    return at.main.dataframe[-1]  # context, before/during/after, then the comments


def test_link_opens_the_units_dashboard_with_its_coaching_facts(municipality, monkeypatch):
    monkeypatch.setenv("TILANNEKUVA_TODAY", "2026-12-05")  # well after the coaching's end
    at = open_unit(municipality, d.AURINKO)

    assert at.title[0].value == "Yksiköt"
    assert at.header[0].value == d.AURINKO
    assert at.selectbox(key="units_page_unit").value == municipality.units[d.AURINKO]
    assert facts(at)[:5] == [
        "Palvelualue: Varhaiskasvatus",
        "Valmentajat: Anu Salminen, Jari Heikkinen",
        "Esihenkilö: Maija Mäki",
        "Mentorit: Sanna K",
        f"Tavoite: {d.AURINKO_GOAL}",
    ]
    assert "Valmennus päättyi" in [x.value for x in at.main.text][5]
    assert at.query_params["unit"] == str(municipality.units[d.AURINKO])


def test_cards_and_charts_are_the_units_own(municipality):
    at = open_unit(municipality, d.AURINKO)

    mean = h.metric(at, "Palautteen keskiarvo")
    assert (mean.value, mean.delta) == ("4,50", "+0,50")
    assert h.metric(at, "Vastausten määrä").value == "6"  # not the 15 of all units
    assert h.metric(at, "Fiilis").value == "4,50"
    [(spec, data)] = [c for c in h.charts(at) if c[0].get("title") == "Palautteen keskiarvo"]
    points = data[0][data[0]["series"] == d.AURINKO]
    assert points["label"].tolist() == ["3/2023", "2/2024", "3/2024"]
    assert points["value_text"].tolist() == ["3,00", "4,00", "4,50"]
    assert set(data[0]["series"]) == {d.AURINKO, "Varhaiskasvatus", "Koko organisaatio"}
    assert {c[0].get("title") for c in h.charts(at)} - {None} == {
        "Palautteen keskiarvo",
        "Fiilis",
        # staff rates at month grain: the month's own, labelled so (never an annualised spike)
        "Sairauspoissaolopäivät / htv (kuukauden luku)",
        "Vaihtuvuus % (kuukauden luku)",
    }


def test_comments_show_where_enough_people_answered(municipality):
    at = open_unit(municipality, d.AURINKO)

    comments = comments_table(at)
    assert comments.value["Kommentti"].tolist() == [d.SHOWN_COMMENT]
    assert comments.value["Päivämäärä"].tolist() == ["11.3.2024"]
    assert not [c for c in at.caption if "jätettiin pois" in c.value]


def test_comments_of_a_small_group_are_withheld_and_counted(municipality):
    at = open_unit(municipality, d.KUU)

    assert at.header[0].value == d.KUU
    assert "Ei näytettäviä kommentteja valitulla aikavälillä." in [i.value for i in at.info]
    assert "1 kommentti jätettiin pois, koska sen ryhmässä on alle 5 vastausta." in [
        c.value for c in at.caption
    ]
    assert d.WITHHELD_COMMENT not in str([e.value for e in at.main.markdown])
    assert h.metric(at, "Palautteen keskiarvo").value == "piilotettu"


@pytest.mark.parametrize("day", ["2024-03-18", "2024-03-19", "2024-03-02"])
def test_a_single_day_in_the_sidebar_tells_nothing_of_a_hidden_comments_day(municipality, day):
    """Kuu's hidden March: answers on 18, 19 and 20 March and a comment on the 18th. With the
    sidebar at one day, the withheld comment was counted on the 18th only, so the day of a
    hidden answer could be read off the page. Every day of March now reads the whole month."""
    at = h.new_app()
    at.query_params.update({"unit": str(municipality.units[d.KUU]), "from": day, "to": day})
    at.run()
    at.switch_page(UNITS_PAGE).run()

    assert at.header[0].value == d.KUU
    assert "1 kommentti jätettiin pois, koska sen ryhmässä on alle 5 vastausta." in [
        c.value for c in at.caption
    ]


def test_choosing_another_unit_updates_the_page_and_the_link(municipality):
    at = open_unit(municipality, d.AURINKO)

    at.selectbox(key="units_page_unit").set_value(municipality.units[d.KOIVU]).run()

    assert at.header[0].value == d.KOIVU
    assert facts(at)[:2] == ["Palvelualue: Vanhuspalvelut", "Valmentajat: –"]
    assert "Yksikölle ei ole merkitty valmennusjaksoa." in [x.value for x in at.main.text]
    assert h.metric(at, "Palautteen keskiarvo").value == "3,00"
    assert at.query_params["unit"] == str(municipality.units[d.KOIVU])


def test_without_a_unit_in_the_link_the_first_unit_is_shown(municipality):
    at = open_unit(municipality, None)

    assert at.header[0].value == d.KOIVU  # units are listed by name
    assert at.query_params["unit"] == str(municipality.units[d.KOIVU])


@pytest.mark.parametrize("unit", ["999", "abc"])
def test_an_unknown_unit_in_the_link_falls_back_to_the_first(municipality, unit):
    at = h.new_app()
    at.query_params["unit"] = unit
    at.run().switch_page(UNITS_PAGE).run()

    assert not at.exception
    assert at.header[0].value == d.KOIVU


def test_units_page_in_english(municipality):
    at = open_unit(municipality, d.AURINKO, lang="en")

    assert at.title[0].value == "Units"
    assert facts(at)[:3] == [
        "Service area: Varhaiskasvatus",
        "Coaches: Anu Salminen, Jari Heikkinen",
        "Manager: Maija Mäki",
    ]
    assert h.metric(at, "Feedback mean score").value == "4.50"
    assert [s.value for s in at.main.subheader] == [
        "Coaching timeline",
        "Trends",
        "The unit, its service area and the whole organisation",
        "Before, during and after",
        "Mentor reports",
        "Comments",
        "For the meeting",
    ]
    assert list(comments_table(at).value.columns) == ["Date", "Question", "Comment"]


def test_the_coaching_is_drawn_and_the_before_after_panel_judges_each_change(municipality):
    at = open_unit(municipality, d.AURINKO)

    timeline = [c for c in h.charts(at) if "layer" in c[0] and not c[0].get("title")]
    assert timeline, "the coaching timeline chart"
    marks = pd.concat([ds for ds in timeline[0][1] if "label" in ds.columns])
    assert marks["label"].str.startswith("alku 8.1.2024").any()
    assert marks["label"].str.startswith("loppu 31.1.2025").any()
    [(spec, data)] = [c for c in h.charts(at) if c[0].get("title") == "Fiilis"]
    band = [ds for ds in data if "start" in ds.columns][0]
    assert band["label"].tolist() == ["valmennus"]  # the coaching marked on the trend
    panel = at.main.dataframe[1].value
    assert panel["Mittari"].tolist()[:2] == ["Fiilis", "Työkuorma"]
    assert list(panel.columns)[1].startswith("Ennen (8.1.2023 – 7.1.2024)")
    sentences = [x.value for x in at.main.text if x.value.startswith("Fiilis: ")]
    assert len(sentences) == 1


def test_mentor_text_is_shown_literally(municipality, app_engine):
    import datetime as dt

    from tests.data_model import facts as f

    unit_id = municipality.units[d.AURINKO]
    f.mentor(
        app_engine,
        unit_id,
        dt.date(2024, 3, 20),
        4,
        mentor="**Sanna**",
        observations="<script>alert('x')</script> # otsikko",
        wishes="[linkki](http://x)",
    )

    at = open_unit(municipality, d.AURINKO)

    texts = [x.value for x in at.main.text]
    assert "Havainnot: <script>alert('x')</script> # otsikko" in texts
    assert "Toiveet: [linkki](http://x)" in texts
    assert any(x.startswith("20.3.2024 · **Sanna** · fiilis 4") for x in texts)
    assert not any("<script>" in m.value for m in at.main.markdown)


def test_a_card_change_within_chance_is_not_coloured(municipality):
    at = open_unit(municipality, d.AURINKO)

    mean = h.metric(at, "Palautteen keskiarvo")
    assert mean.delta == "+0,50"  # 4,00 -> 4,50 at six answers each: within chance
    assert mean.proto.color == Metric.MetricColor.Value("GRAY")  # delta_color="off"
    notes = [c.value for c in at.caption]
    assert any(n.endswith("Ei merkittävä muutos") for n in notes)


@pytest.mark.parametrize(
    ("lang", "file_name", "status"),
    [
        ("fi", "tilannekuva_yksikko_Päiväkoti_Aurinko.xlsx", "tavoitteessa"),
        ("sv", "tilannekuva_enhet_Päiväkoti_Aurinko.xlsx", "målet nått"),
        ("en", "tilannekuva_unit_Päiväkoti_Aurinko.xlsx", "on target"),
    ],
)
def test_the_units_workbook_holds_numbers_with_their_period_and_target_status(
    municipality, downloads, lang, file_name, status
):
    import io

    from openpyxl import load_workbook

    at = open_unit(municipality, d.AURINKO, lang=lang)
    assert {f"{file_name[:-5]}.pdf", file_name} <= downloads.names()
    book = load_workbook(io.BytesIO(downloads.press(file_name)))
    cards = [list(r) for r in book.worksheets[1].iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(cards) if r[0] in ("Mittari", "Indikator", "Indicator"))
    rows = cards[header + 1 :]
    assert len(cards[header]) == 6  # indicator, period, value, n, target, status
    mean = rows[0]
    assert mean[1].startswith("3/2024, ")  # running on the day the tests read it
    assert mean[2] == 4.5 and mean[4] == 4.0 and mean[5].lower() == status
    cell = book.worksheets[1].cell(header + 2, 3)
    assert (cell.data_type, cell.number_format) == ("n", "0.00")
    context = [list(r) for r in book.worksheets[2].iter_rows(values_only=True)]
    assert any(isinstance(v, float) for row in context for v in row[1:])  # figures, not '4,50'
    assert not at.exception
