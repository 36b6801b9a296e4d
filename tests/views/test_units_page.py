"""The Units page (one coaching unit's dashboard) on tests/views/dashboard.py's municipality:
opened by ?unit=ID, its coaching facts and goal, cards and charts of that unit only, and
comments only where the group reaches the privacy threshold."""

import pytest

from tests.views import dashboard as d
from tests.views import helpers as h

UNITS_PAGE = "views/units.py"


def open_unit(municipality, name: str | None, lang: str = "fi"):
    """The Units page as a drill-down link opens it: ?unit=ID (no unit: the page's default)."""
    at = h.new_app()
    at.query_params["lang"] = lang
    if name is not None:
        at.query_params["unit"] = str(municipality.units[name])
    at.run()
    return at.switch_page(UNITS_PAGE).run()


def facts(at) -> list[str]:
    return [m.value for m in at.main.markdown]


def test_link_opens_the_units_dashboard_with_its_coaching_facts(municipality):
    at = open_unit(municipality, d.AURINKO)

    assert at.title[0].value == "Yksiköt"
    assert at.header[0].value == d.AURINKO
    assert at.selectbox(key="units_page_unit").value == municipality.units[d.AURINKO]
    assert facts(at) == [
        "**Palvelualue:** Varhaiskasvatus · **Esihenkilö:** Maija Mäki · "
        "**Valmentajat:** Anu Salminen, Jari Heikkinen · **Mentorit:** Sanna K · "
        "**Valmennus:** 8.1.2024 – 31.1.2025",
        f"**Tavoite:** {d.AURINKO_GOAL}",
    ]
    assert at.query_params["unit"] == str(municipality.units[d.AURINKO])


def test_cards_and_charts_are_the_units_own(municipality):
    at = open_unit(municipality, d.AURINKO)

    mean = h.metric(at, "Palautteen keskiarvo")
    assert (mean.value, mean.delta) == ("4,50", "+0,50")
    assert h.metric(at, "Vastausten määrä").value == "6"  # not the 15 of all units
    assert h.metric(at, "Fiilis").value == "4,50"
    [(spec, data)] = [c for c in h.charts(at) if c[0]["title"] == "Palautteen keskiarvo"]
    points = data[0]
    assert points["label"].tolist() == ["3/2023", "2/2024", "3/2024"]
    assert points["value_text"].tolist() == ["3,00", "4,00", "4,50"]
    assert {c[0]["title"] for c in h.charts(at)} == {
        "Palautteen keskiarvo", "Fiilis", "Sairauspoissaolopäivät / htv", "Vaihtuvuus %",
    }  # fmt: skip


def test_comments_show_where_enough_people_answered(municipality):
    at = open_unit(municipality, d.AURINKO)

    [comments] = at.main.dataframe
    assert comments.value["Kommentti"].tolist() == [d.SHOWN_COMMENT]
    assert comments.value["Päivämäärä"].tolist() == ["11.3.2024"]
    assert not [c for c in at.caption if "jätettiin pois" in c.value]


def test_comments_of_a_small_group_are_withheld_and_counted(municipality):
    at = open_unit(municipality, d.KUU)

    assert at.header[0].value == d.KUU
    assert not at.main.dataframe
    assert "Ei näytettäviä kommentteja valitulla aikavälillä." in [i.value for i in at.info]
    assert "1 kommenttia jätettiin pois, koska niiden ryhmässä on alle 5 vastausta." in [
        c.value for c in at.caption
    ]
    assert d.WITHHELD_COMMENT not in str([e.value for e in at.main.markdown])
    assert h.metric(at, "Palautteen keskiarvo").value == "liian vähän vastauksia"


def test_choosing_another_unit_updates_the_page_and_the_link(municipality):
    at = open_unit(municipality, d.AURINKO)

    at.selectbox(key="units_page_unit").set_value(municipality.units[d.KOIVU]).run()

    assert at.header[0].value == d.KOIVU
    assert facts(at) == ["**Palvelualue:** Vanhuspalvelut · **Esihenkilö:** Liisa Lind"]
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
    assert facts(at)[0].startswith("**Service area:** Varhaiskasvatus · **Manager:** Maija Mäki")
    assert facts(at)[0].endswith("**Coaching:** 2024-01-08 – 2025-01-31")
    assert h.metric(at, "Feedback mean score").value == "4.50"
    assert [s.value for s in at.main.subheader] == ["Trends", "Comments"]
    assert list(at.main.dataframe[0].value.columns) == ["Date", "Question", "Comment"]
