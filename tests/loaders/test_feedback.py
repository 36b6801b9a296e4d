"""Feedback in long form (also ARVO's long export), aggregated (report means) and smiley counts:
what lands in the feedback store (n, score_sum, positive_n, NPS counts) and in comments."""

import datetime as dt

import pytest

from loaders import LoadError, load_file
from loaders.common import COMMENT_COLUMNS, FEEDBACK_COLUMNS
from tests.builders import csv_bytes, xlsx_bytes

D1, D2 = dt.date(2024, 3, 5), dt.date(2024, 3, 6)


def _rows(loaded, *keys) -> list[tuple]:
    """The feedback table's rows as tuples of keys, sorted, with NaN shown as None."""
    table = loaded.tables["feedback"]
    assert list(table.columns) == FEEDBACK_COLUMNS
    out = []
    for record in table.to_dict("records"):
        out.append(tuple(None if record[k] != record[k] else record[k] for k in keys))
    return sorted(out, key=repr)


def _comments(loaded) -> list[tuple]:
    table = loaded.tables["comments"]
    assert list(table.columns) == COMMENT_COLUMNS
    return sorted(tuple(r) for r in table.itertuples(index=False))


def _error(name: str, data: bytes, **kw) -> LoadError:
    with pytest.raises(LoadError) as caught:
        load_file(name, data, **kw)
    return caught.value


# Long form: one answer a row.

LONG = ["Päivämäärä", "Yksikkö", "Kysely", "Kysymys", "Vastaajaryhmä", "Vastaus", "Kommentti"]


def test_long_answers_are_summed_per_day_and_question():
    start = ["Päiväkoti Aurinko", "Huoltajakysely", "Viihtyy", "Huoltaja"]
    rows = [
        LONG,
        ["5.3.2024", *start, 5, None],
        ["5.3.2024 klo 14.30", *start, 3, ""],
        [dt.datetime(2024, 3, 6), *start, "4,5"],
    ]
    loaded = load_file("huoltajat.xlsx", xlsx_bytes(rows))
    keys = ("date", "unit", "survey", "question", "respondent_group", "n", "score_sum")
    assert _rows(loaded, *keys) == [
        (D1, "Päiväkoti Aurinko", "Huoltajakysely", "Viihtyy", "Huoltaja", 2, 8.0),
        (D2, "Päiväkoti Aurinko", "Huoltajakysely", "Viihtyy", "Huoltaja", 1, 4.5),
    ]
    assert _rows(loaded, "date", "positive_n", "scale_min", "scale_max") == [
        (D1, 1, 1, 5),
        (D2, 1, 1, 5),
    ]
    assert (loaded.rows, loaded.answers(), loaded.mean()) == (3, 3, 4.17)


def test_likert_words_become_scores():
    words = [
        "täysin eri mieltä",
        "Jokseenkin eri mieltä",
        "ei samaa eikä eri mieltä",
        "jokseenkin samaa mieltä",
        "Strongly agree",
    ]
    rows = [["Date", "Unit", "Score"], *[["2024-03-05", "A", w] for w in words]]
    loaded = load_file("likert.xlsx", xlsx_bytes(rows))
    assert _rows(loaded, "n", "score_sum", "positive_n") == [(5, 15.0, 2)]


def test_eos_is_skipped_with_a_warning_not_an_error():
    rows = [
        ["Päivämäärä", "Yksikkö", "Vastaus"],
        ["2024-03-05", "A", 4],
        ["2024-03-05", "A", "eos"],
    ]
    loaded = load_file("eos.xlsx", xlsx_bytes(rows))
    assert _rows(loaded, "n", "score_sum") == [(1, 4.0)]
    assert [w.message("fi") for w in loaded.warnings] == [
        "Tiedosto eos.xlsx, taulukko Taulukko1: 1 vastaus 'en osaa sanoa' (eos) ohitettiin."
    ]
    assert [w.message("en") for w in loaded.warnings] == [
        "File eos.xlsx, sheet Taulukko1: 1 'cannot say' (eos) answer was skipped."
    ]


def test_comments_go_to_their_own_table():
    rows = [
        LONG,
        ["2024-03-05", "A", "Kysely", "Viihtyy", "", 5, "  Kiitos   hyvästä hoidosta "],
        ["2024-03-05", "A", "Kysely", "Viihtyy", "", 4, None],
    ]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    assert _comments(loaded) == [(D1, "A", "Kysely", "Viihtyy", "Kiitos hyvästä hoidosta")]


def test_the_survey_defaults_to_the_file_name():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], ["2024-03-05", "A", 4]]
    loaded = load_file("Asiakaskysely 2024.xlsx", xlsx_bytes(rows))
    assert _rows(loaded, "survey", "question", "respondent_group") == [
        ("Asiakaskysely 2024", "", "")
    ]


def test_a_zero_to_ten_scale_counts_promoters_and_detractors():
    header = ["Päivämäärä", "Yksikkö", "Kysymys", "Asteikko", "Vastaus"]
    scores = [10, 9, 8, 7, 6, 0]
    rows = [header, *[["2024-03-05", "A", "Suosittelisitko?", 10, s] for s in scores]]
    loaded = load_file("nps.xlsx", xlsx_bytes(rows))
    keys = ("scale_min", "scale_max", "n", "score_sum", "promoters_n", "detractors_n")
    assert _rows(loaded, *keys) == [(0, 10, 6, 40.0, 2, 2)]


def test_a_one_to_five_question_has_no_promoter_counts():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], ["2024-03-05", "A", 5]]
    loaded = load_file("p.xlsx", xlsx_bytes(rows))
    assert _rows(loaded, "promoters_n", "detractors_n") == [(None, None)]


def test_a_score_outside_its_scale_names_row_column_and_scale():
    header = ["Päivämäärä", "Yksikkö", "Asteikko", "Vastaus"]
    rows = [
        header,
        ["2024-03-05", "A", 4, 4],
        ["2024-03-05", "A", 4, 5],
        ["2024-03-05", "A", 10, 11],
    ]
    error = _error("asteikko.xlsx", xlsx_bytes(rows))
    assert error.message("fi").splitlines() == [
        'Tiedosto asteikko.xlsx, taulukko Taulukko1, rivi 3, sarake "Vastaus": '
        "5 on asteikon 1–4 ulkopuolella.",
        'Tiedosto asteikko.xlsx, taulukko Taulukko1, rivi 4, sarake "Vastaus": '
        "11 on asteikon 0–10 ulkopuolella.",
    ]
    assert 'row 3, column "Vastaus": 5 is outside the scale 1–4.' in error.message("en")


def test_an_unknown_scale_is_refused():
    rows = [["Päivämäärä", "Yksikkö", "Asteikko", "Vastaus"], ["2024-03-05", "A", 3, 2]]
    error = _error("a.xlsx", xlsx_bytes(rows))
    fi = 'rivi 2, sarake "Asteikko": "3" ei ole kelvollinen asteikon yläraja (4, 5, 6, 7, 10).'
    en = 'row 2, column "Asteikko": "3" is not a valid scale maximum (4, 5, 6, 7, 10).'
    assert fi in error.message("fi")
    assert en in error.message("en")


def test_text_where_a_score_belongs_is_refused():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"], ["2024-03-05", "A", "hyvä juttu"]]
    error = _error("a.xlsx", xlsx_bytes(rows))
    assert 'rivi 2, sarake "Vastaus": "hyvä juttu" ei ole luku.' in error.message("fi")
    assert 'row 2, column "Vastaus": "hyvä juttu" is not a number.' in error.message("en")


# ARVO's long answer export.

ARVO_LONG = [
    "Vastaajatunnus",
    "Vastausaika",
    "Oppilaitos",
    "Tutkinto",
    "Kyselykerta",
    "Kysymysryhma",
    "Kysymys",
    "Vastaus",
]


def _arvo_long(answers: list[tuple[str, str, str, str]]) -> bytes:
    """(respondent code, date, question, answer) rows as ARVO writes them: ';', CRLF, UTF-8."""
    rows = [ARVO_LONG] + [
        [code, day, "Ammattiopisto Keskus", "351101", "Amispalaute 2024", "Ryhmä", question, ans]
        for code, day, question, ans in answers
    ]
    return csv_bytes(rows, sep=";", encoding="utf-8", line_end="\r\n")


def test_arvo_long_numbers_are_answers_and_text_becomes_comments():
    data = _arvo_long(
        [
            ("ab12", "2024-03-05", "Opetus oli laadukasta", "4"),
            ("ab12", "2024-03-05", "Mitä muuta haluat sanoa?", "Kiitos opettajille"),
            ("cd34", "2024-03-05", "Opetus oli laadukasta", "5"),
            ("cd34", "2024-03-05", "Mitä muuta haluat sanoa?", "Enemmän lähiopetusta"),
        ]
    )
    loaded = load_file("arvo_vastaukset.csv", data)
    assert (loaded.kind, loaded.form) == ("feedback", "arvo_long")
    assert _rows(loaded, "date", "unit", "survey", "question", "n", "score_sum") == [
        (D1, "Ammattiopisto Keskus", "Amispalaute 2024", "Opetus oli laadukasta", 2, 9.0)
    ]
    assert _comments(loaded) == [
        (D1, "Ammattiopisto Keskus", "Amispalaute 2024", "Mitä muuta haluat sanoa?", text)
        for text in ("Enemmän lähiopetusta", "Kiitos opettajille")
    ]


def test_arvo_long_eos_and_empty_answers_are_not_errors():
    data = _arvo_long(
        [
            ("ab12", "2024-03-05", "Opetus oli laadukasta", "3"),
            ("cd34", "2024-03-05", "Opetus oli laadukasta", "eos"),
            ("ef56", "2024-03-05", "Opetus oli laadukasta", ""),
            ("ef56", "2024-03-05", "Mitä muuta haluat sanoa?", ""),
        ]
    )
    loaded = load_file("arvo.csv", data)
    assert _rows(loaded, "n", "score_sum") == [(1, 3.0)]
    assert _comments(loaded) == []
    assert "1 'cannot say' (eos) answer was skipped." in [w.problem("en") for w in loaded.warnings]


def test_arvo_long_zero_to_ten_question_counts_promoters_and_detractors():
    data = _arvo_long(
        [
            (f"r{i}", "2024-03-05", "Suosittelisin oppilaitosta", s)
            for i, s in enumerate("9 10 7 3".split())
        ]
    )
    keys = ("scale_min", "scale_max", "n", "score_sum", "promoters_n", "detractors_n")
    assert _rows(load_file("arvo.csv", data), *keys) == [(0, 10, 4, 29.0, 2, 1)]


def test_arvo_long_respondent_codes_are_not_stored():
    data = _arvo_long([("TUNNUS-123", "2024-03-05", "Mitä muuta?", "Hyvä")])
    loaded = load_file("arvo.csv", data)
    stored = [str(v) for t in loaded.tables.values() for v in t.to_numpy().ravel()]
    assert not any("TUNNUS-123" in v for v in stored)


# Aggregated: a question's mean and number of answers for a period (ARVO report style).

AGG = ["Kausi", "Yksikkö", "Kysymys", "Vastauksia", "Keskiarvo"]


@pytest.mark.parametrize(
    ("period", "day"),
    [
        ("2024", dt.date(2024, 1, 1)),
        ("2024-03", dt.date(2024, 3, 1)),
        ("3/2024", dt.date(2024, 3, 1)),
        ("2023Q2", dt.date(2023, 4, 1)),
        ("Q2/2023", dt.date(2023, 4, 1)),
        ("kevät 2024", dt.date(2024, 1, 1)),
        ("syksy 2024", dt.date(2024, 8, 1)),
        ("5.10.2016", dt.date(2016, 10, 5)),
        (2024, dt.date(2024, 1, 1)),
    ],
)
def test_aggregated_period_is_stored_as_its_first_day(period, day):
    rows = [AGG, [period, "Ammattiopisto Keskus", "Opetus", 42, "4,1"]]
    loaded = load_file("raportti.xlsx", xlsx_bytes(rows))
    assert (loaded.kind, loaded.form) == ("feedback", "aggregated")
    assert _rows(loaded, "date") == [(day,)]


def test_aggregated_score_sum_is_mean_times_n():
    rows = [
        ["Period", "Unit", "Survey", "Question", "Scale", "Responses", "Mean"],
        ["2024-03", "A", "Amispalaute", "Opetus", None, 42, "4,1"],
        ["2024-03", "A", "Amispalaute", "Suosittelu", 10, 10, 7.5],
        ["2024-03", "B", "Amispalaute", "Opetus", 5, 0, None],  # nobody answered: no row
    ]
    loaded = load_file("raportti.xlsx", xlsx_bytes(rows))
    keys = ("unit", "question", "scale_min", "scale_max", "n", "score_sum", "positive_n")
    table = _rows(loaded, *keys)
    assert [r[:5] for r in table] == [("A", "Opetus", 1, 5, 42), ("A", "Suosittelu", 0, 10, 10)]
    assert [r[5] for r in table] == [pytest.approx(172.2), pytest.approx(75.0)]
    assert [r[6] for r in table] == [None, None]  # a report's mean says nothing of single answers
    # The file's mean is its main scale's (42 answers on 1-5), not a blend with the 0-10 one.
    assert (loaded.rows, loaded.answers(), loaded.mean()) == (3, 52, 4.1)


def test_aggregated_mean_outside_the_scale_is_refused():
    rows = [AGG, ["2024", "A", "Opetus", 10, "5,5"]]
    error = _error("r.xlsx", xlsx_bytes(rows))
    assert 'rivi 2, sarake "Keskiarvo": Keskiarvo 5,5 on asteikon 1–5 ulkopuolella.' in (
        error.message("fi")
    )
    assert 'row 2, column "Keskiarvo": The mean 5,5 is outside the scale 1–5.' in error.message(
        "en"
    )


def test_aggregated_row_with_answers_but_no_mean_is_refused():
    rows = [AGG, ["2024", "A", "Opetus", 0, None], ["2024", "A", "Tuki", 5, None]]
    error = _error("r.xlsx", xlsx_bytes(rows))
    assert error.message("fi").splitlines() == [
        'Tiedosto r.xlsx, taulukko Taulukko1, rivi 3, sarake "Keskiarvo": Arvo puuttuu.'
    ]
    assert 'row 3, column "Keskiarvo": The value is missing.' in error.message("en")


@pytest.mark.parametrize(
    ("n", "fi", "en"),
    [
        ("12,5", '"12,5" ei ole kokonaisluku.', '"12,5" is not a whole number.'),
        (-3, "-3 on negatiivinen", "-3 is negative"),
        ("paljon", '"paljon" ei ole luku.', '"paljon" is not a number.'),
    ],
)
def test_aggregated_n_must_be_a_whole_number(n, fi, en):
    error = _error("r.xlsx", xlsx_bytes([AGG, ["2024", "A", "Opetus", n, 4]]))
    assert f'rivi 2, sarake "Vastauksia": {fi}' in error.message("fi")
    assert f'row 2, column "Vastauksia": {en}' in error.message("en")


def test_aggregated_bad_period_is_refused():
    error = _error("r.xlsx", xlsx_bytes([AGG, ["talvi 2024", "A", "Opetus", 10, 4]]))
    assert 'rivi 2, sarake "Kausi": "talvi 2024" ei ole kausi' in error.message("fi")
    assert 'row 2, column "Kausi": "talvi 2024" is not a period' in error.message("en")


# Counts: a smiley terminal's faces per day or hour.

FACES_FI = [
    "Päivämäärä",
    "Yksikkö",
    "Erittäin tyytyväinen",
    "Tyytyväinen",
    "Tyytymätön",
    "Erittäin tyytymätön",
]


def test_counts_score_faces_one_to_four_and_count_positive_faces():
    rows = [FACES_FI, ["2024-03-05", "Pääkirjasto", 4, 3, 2, 1]]
    loaded = load_file("hymiot.xlsx", xlsx_bytes(rows))
    assert (loaded.kind, loaded.form) == ("feedback", "counts")
    keys = ("date", "unit", "scale_min", "scale_max", "n", "score_sum", "positive_n")
    # 4 very positive x 4 + 3 positive x 3 + 2 negative x 2 + 1 very negative x 1
    assert _rows(loaded, *keys) == [(D1, "Pääkirjasto", 1, 4, 10, 30.0, 7)]


def test_counts_hourly_rows_are_summed_per_day():
    rows = [
        ["Date", "Unit", "Question", "Very positive", "Positive", "Negative", "Very negative"],
        [dt.datetime(2024, 3, 5, 8), "Pääkirjasto", "Miten onnistuimme?", 4, 3, 2, 1],
        [dt.datetime(2024, 3, 5, 9), "Pääkirjasto", "Miten onnistuimme?", 1, 1, 0, 0],
        ["5.3.2024 klo 10.00", "Pääkirjasto", "Miten onnistuimme?", 0, 0, 0, 0],
        ["2024-03-06 08:00", "Pääkirjasto", "Miten onnistuimme?", 2, 0, 0, 0],
    ]
    loaded = load_file("hymiot.xlsx", xlsx_bytes(rows))
    assert _rows(loaded, "date", "question", "n", "score_sum", "positive_n") == [
        (D1, "Miten onnistuimme?", 12, 37.0, 9),
        (D2, "Miten onnistuimme?", 2, 8.0, 2),
    ]
    assert (loaded.rows, loaded.answers()) == (4, 14)


def test_counts_must_be_whole_and_not_negative():
    rows = [FACES_FI, ["2024-03-05", "A", 4, -1, "2,5", 0]]
    error = _error("hymiot.xlsx", xlsx_bytes(rows))
    assert error.message("fi").splitlines() == [
        'Tiedosto hymiot.xlsx, taulukko Taulukko1, rivi 2, sarake "Tyytymätön": '
        '"2,5" ei ole kokonaisluku.',
        'Tiedosto hymiot.xlsx, taulukko Taulukko1, rivi 2, sarake "Tyytyväinen": '
        "-1 on negatiivinen; arvon pitää olla vähintään 0.",
    ]
    assert 'column "Tyytyväinen": -1 is negative; it must be at least 0.' in error.message("en")
