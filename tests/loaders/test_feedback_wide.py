"""Feedback in wide form, one respondent a row: Microsoft Forms and Webropol exports and ARVO's
wide CSV. Questions become answers, free text becomes comments, and metadata (ids, names,
e-mails, ARVO background columns) becomes neither."""

import datetime as dt

import pytest

from loaders import LoadError, load_file
from tests.builders import csv_bytes, xlsx_bytes

D1, D2 = dt.date(2024, 3, 5), dt.date(2024, 3, 6)
NPS = "Kuinka todennäköisesti suosittelisit päiväkotia ystävällesi? (0-10)"
FORMS_META = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
FORMS_META_FI = [
    "Tunnus",
    "Aloitusaika",
    "Valmistumisaika",
    "Sähköposti",
    "Nimi",
    "Viimeksi muokattu",
]
PEOPLE = [
    ("maija.meikalainen@example.fi", "Maija Meikäläinen"),
    ("pekka.puupaa@example.fi", "Pekka Puupää"),
    ("anonymous", None),
]


def _forms(meta: list[str]) -> bytes:
    """A Microsoft Forms export: metadata, the unit, two Likert questions, NPS, free text."""
    header = [
        *meta,
        "Yksikkö",
        "Lapseni viihtyy",
        "Saan tietoa lapseni päivästä",
        NPS,
        "Terveisiä henkilökunnalle",
    ]
    answers = [
        ("Täysin samaa mieltä", "jokseenkin samaa mieltä", 10, "Kiitos kaikesta!"),
        ("jokseenkin eri mieltä", "eos", 6, None),
        ("Täysin samaa mieltä", "Täysin eri mieltä", 8, "Enemmän ulkoilua"),
    ]
    starts = [dt.datetime(2024, 3, 5, 9), dt.datetime(2024, 3, 5, 23, 55), dt.datetime(2024, 3, 6)]
    rows = [header]
    for i, ((email, name), start, answer) in enumerate(zip(PEOPLE, starts, answers, strict=True)):
        done = start + dt.timedelta(minutes=10)
        rows.append([i + 1, start, done, email, name, None, "Päiväkoti Aurinko", *answer])
    return xlsx_bytes(rows, sheet="Sheet1")


def _feedback(loaded, *keys) -> list[tuple]:
    table = loaded.tables["feedback"]
    rows = [tuple(None if r[k] != r[k] else r[k] for k in keys) for r in table.to_dict("records")]
    return sorted(rows, key=repr)


def _all_stored_text(loaded) -> str:
    return "\n".join(str(v) for t in loaded.tables.values() for v in t.to_numpy().ravel())


@pytest.mark.parametrize("meta", [FORMS_META, FORMS_META_FI], ids=["en", "fi"])
def test_microsoft_forms_export_answers(meta):
    loaded = load_file("Huoltajakysely.xlsx", _forms(meta))
    assert (loaded.kind, loaded.form, loaded.rows) == ("feedback", "wide", 3)
    keys = ("date", "unit", "survey", "question", "n", "score_sum", "scale_min", "scale_max")
    a, i = "Päiväkoti Aurinko", "Huoltajakysely"
    # The completion time dates an answer: respondent 2 started 5.3. 23.55 and finished 6.3.
    assert _feedback(loaded, *keys) == [
        (D1, a, i, NPS, 1, 10.0, 0, 10),
        (D1, a, i, "Lapseni viihtyy", 1, 5.0, 1, 5),
        (D1, a, i, "Saan tietoa lapseni päivästä", 1, 4.0, 1, 5),
        (D2, a, i, NPS, 2, 14.0, 0, 10),
        (D2, a, i, "Lapseni viihtyy", 2, 7.0, 1, 5),
        (D2, a, i, "Saan tietoa lapseni päivästä", 1, 1.0, 1, 5),
    ]


def test_microsoft_forms_zero_to_ten_question_gives_promoters_and_detractors():
    loaded = load_file("k.xlsx", _forms(FORMS_META))
    nps = [r for r in _feedback(loaded, "question", "date", "promoters_n", "detractors_n")]
    assert [r[1:] for r in nps if r[0] == NPS] == [(D1, 1, 0), (D2, 0, 1)]
    likert = [r[2:] for r in nps if r[0] != NPS]
    assert set(likert) == {(None, None)}


def test_microsoft_forms_free_text_becomes_comments():
    loaded = load_file("Huoltajakysely.xlsx", _forms(FORMS_META))
    comments = sorted(tuple(r) for r in loaded.tables["comments"].itertuples(index=False))
    q = "Terveisiä henkilökunnalle"
    assert comments == [
        (D1, "Päiväkoti Aurinko", "Huoltajakysely", q, "Kiitos kaikesta!"),
        (D2, "Päiväkoti Aurinko", "Huoltajakysely", q, "Enemmän ulkoilua"),
    ]


@pytest.mark.parametrize("meta", [FORMS_META, FORMS_META_FI], ids=["en", "fi"])
def test_microsoft_forms_metadata_is_never_stored(meta):
    loaded = load_file("k.xlsx", _forms(meta))
    stored = _all_stored_text(loaded)
    for email, name in PEOPLE:
        assert email not in stored
        assert name is None or name not in stored
    questions = set(loaded.tables["feedback"]["question"]) | set(
        loaded.tables["comments"]["question"]
    )
    assert not questions & set(meta)
    personal = ", ".join(h for h in meta if h in ("Email", "Name", "Sähköposti", "Nimi"))
    assert [w.problem("en") for w in loaded.warnings] == [
        "1 'cannot say' (eos) answer was skipped.",
        f"Columns holding personal data are not stored: {personal}.",
    ]


def test_webropol_export_with_finnish_dates_and_a_title():
    rows = [
        ["Vastausaika", "Toimipiste", "Palvelu oli ystävällistä", "Asioin uudelleen"],
        ["5.3.2024 klo 10.15", "Kotihoito Itä", "Erittäin hyvä", "Samaa mieltä"],
        ["6.3.2024 klo 8.05", "Kotihoito Itä", "Huono", "Eri mieltä"],
    ]
    loaded = load_file("webropol.xlsx", xlsx_bytes(rows, title_rows=3))
    assert loaded.header_row == 4
    assert _feedback(loaded, "date", "unit", "question", "score_sum") == [
        (D1, "Kotihoito Itä", "Asioin uudelleen", 4.0),
        (D1, "Kotihoito Itä", "Palvelu oli ystävällistä", 5.0),
        (D2, "Kotihoito Itä", "Asioin uudelleen", 2.0),
        (D2, "Kotihoito Itä", "Palvelu oli ystävällistä", 2.0),
    ]


def test_a_numeric_column_that_is_not_an_answer_is_ignored_with_a_warning():
    rows = [
        ["Päivämäärä", "Yksikkö", "Syntymävuosi", "Viihdyn työssäni"],
        ["2024-03-05", "A", 1980, 4],
        ["2024-03-05", "A", 1992, 5],
    ]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    assert set(loaded.tables["feedback"]["question"]) == {"Viihdyn työssäni"}
    assert [w.message("fi") for w in loaded.warnings] == [
        "Tiedosto k.xlsx, taulukko Taulukko1: Sarakkeita ei käytetty: Syntymävuosi."
    ]
    assert [w.problem("en") for w in loaded.warnings] == ["Columns not used: Syntymävuosi."]


def test_a_bad_answer_in_a_question_column_is_refused_with_its_cell():
    header = ["Päivämäärä", "Yksikkö", "Viihdyn työssäni", "Esihenkilö tukee"]
    rows = [header] + [["2024-03-05", "A", 4, 3] for _ in range(9)]
    rows.append(["2024-03-05", "A", 7, "kolme"])
    with pytest.raises(LoadError) as caught:
        load_file("k.xlsx", xlsx_bytes(rows))
    assert caught.value.message("fi").splitlines() == [
        'Tiedosto k.xlsx, taulukko Taulukko1, rivi 11, sarake "Viihdyn työssäni": '
        "7 on asteikon 1–5 ulkopuolella.",
        'Tiedosto k.xlsx, taulukko Taulukko1, rivi 11, sarake "Esihenkilö tukee": '
        '"kolme" ei ole luku.',
    ]
    assert 'row 11, column "Viihdyn työssäni": 7 is outside the scale 1–5.' in (
        caught.value.message("en")
    )


def test_a_wide_file_without_answers_says_so():
    rows = [["Päivämäärä", "Yksikkö", "Terveiset"], ["2024-03-05", "A", "Kiitos"]]
    with pytest.raises(LoadError) as caught:
        load_file("k.xlsx", xlsx_bytes(rows), form="wide")
    assert "ei löytynyt yhtään kysymyssaraketta" in caught.value.message("fi")
    assert "No question column" in caught.value.message("en")


# ARVO's wide answer export (Amispalaute), as its CSV comes: ';', CRLF, UTF-8, ISO dates.

ARVO_HEADER = [
    "Vastaajatunnus",
    "Vastausaika",
    "Oppilaitos",
    "Tutkinto",
    "Tutkinnon nimi",
    "Tutkinnon osan nimi",
    "Toimipaikan nimi",
    "Koulutustoimijan nimi",
    "Hankintakoulutuksen toteuttajan nimi",
    "Koulutusala",
    "Asuinkunta selite",
    "Opiskelupaikkakunta selite",
    "Koulutusmuoto",
    "Kyselykerta",
    "Opetus oli laadukasta",
    "Sain tukea opintoihini",
    "Suosittelisin oppilaitosta (0-10)",
    "Mitä muuta haluat sanoa?",
]
ARVO_QUESTIONS = {
    "Opetus oli laadukasta",
    "Sain tukea opintoihini",
    "Suosittelisin oppilaitosta (0-10)",
}


def _arvo_row(code, day, site, answers, degree="351101"):
    background = [
        "Liiketoiminnan perustutkinto",
        "",
        site,
        "Kuntayhtymä X",
        "",
        "Kauppa",
        "Kunta A",
        "Kunta A",
        "Ammatillinen",
        "Amispalaute 2024",
    ]
    return [code, day, "Ammattiopisto Keskus", degree, *background, *answers]


def _arvo_wide() -> bytes:
    rows = [
        ARVO_HEADER,
        _arvo_row("ab12", "2024-03-05", "Toimipiste Itä", ["4", "5", "9", "Hyvä opetus"]),
        _arvo_row("cd34", "2024-03-05", "Toimipiste Itä", ["eos", "3", "3", ""]),
        _arvo_row("ef56", "2024-03-06", "", ["5", "", "10", ""], degree="371101"),
    ]
    return csv_bytes(rows, sep=";", encoding="utf-8", line_end="\r\n")


def test_arvo_wide_background_columns_never_become_questions():
    loaded = load_file("amispalaute.csv", _arvo_wide())
    assert (loaded.kind, loaded.form, loaded.rows) == ("feedback", "arvo_wide", 3)
    assert set(loaded.tables["feedback"]["question"]) == ARVO_QUESTIONS
    assert set(loaded.tables["comments"]["question"]) == {"Mitä muuta haluat sanoa?"}
    stored = _all_stored_text(loaded)
    for value in ("351101", "371101", "ab12", "Kuntayhtymä X", "Kunta A", "Kauppa"):
        assert value not in stored


def test_arvo_wide_answers_land_on_the_site_with_the_survey_round():
    loaded = load_file("amispalaute.csv", _arvo_wide())
    keys = ("date", "unit", "survey", "question", "n", "score_sum")
    s = "Amispalaute 2024"
    assert _feedback(loaded, *keys) == [
        (D1, "Toimipiste Itä", s, "Opetus oli laadukasta", 1, 4.0),
        (D1, "Toimipiste Itä", s, "Sain tukea opintoihini", 2, 8.0),
        (D1, "Toimipiste Itä", s, "Suosittelisin oppilaitosta (0-10)", 2, 12.0),
        # No site on the row: the institution (Oppilaitos) is the unit.
        (D2, "Ammattiopisto Keskus", s, "Opetus oli laadukasta", 1, 5.0),
        (D2, "Ammattiopisto Keskus", s, "Suosittelisin oppilaitosta (0-10)", 1, 10.0),
    ]
    assert [w.problem("fi") for w in loaded.warnings] == [
        "1 vastaus 'en osaa sanoa' (eos) ohitettiin."
    ]


def test_arvo_wide_nps_counts():
    loaded = load_file("amispalaute.csv", _arvo_wide())
    rows = _feedback(loaded, "question", "scale_min", "scale_max", "promoters_n", "detractors_n")
    nps = [r[1:] for r in rows if r[0].startswith("Suosittelisin")]
    assert sorted(nps) == [(0, 10, 1, 0), (0, 10, 1, 1)]
