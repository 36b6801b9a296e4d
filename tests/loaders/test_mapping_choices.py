"""The mapping step's choices as the loaders take them: header rows (several join as "group:
text"), where the data end, answer labels, columns that hold no answers, columns by letter,
fixed values for every kind and figures summed."""

import pytest

from loaders import LoadError, Mapping, load_file
from loaders.values import parse_period
from tests.builders import csv_bytes, xlsx_bytes

LIKERT = ["Täysin eri mieltä", "Jokseenkin eri mieltä", "Jokseenkin samaa mieltä"]


def _roles(loaded) -> dict[str, tuple[str, str | None]]:
    return {c.header: (c.role, c.note) for c in loaded.mapping.columns}


def _questions(loaded) -> dict[str, tuple[int, float]]:
    table = loaded.tables["feedback"]
    summed = table.groupby("question")[["n", "score_sum"]].sum()
    return {q: (int(r.n), round(r.score_sum / r.n, 4)) for q, r in summed.iterrows()}


def _group_export(statements: int = 29) -> bytes:
    """A Webropol-style raw export: a title, a group row written once over blank cells, the
    statements below it, answers 1-5, then the value-label codebook after a blank row."""
    groups = ["Vastausaika", "Toimipiste", "Palvelu"] + [None] * (statements - 1)
    texts = [None, None] + [f"Väite {i + 1}" for i in range(statements)]
    rows = [["Asiakaskysely"], [], groups, texts]
    for r in range(6):
        rows.append([f"{r + 3}.9.2024", "Kirjasto"] + [(r + i) % 5 + 1 for i in range(statements)])
    rows += [[], ["1 = Täysin eri mieltä"], ["5 = Täysin samaa mieltä"]]
    return xlsx_bytes(rows)


def test_a_group_row_over_blank_cells_joins_every_statement_below_it():
    loaded = load_file("webropol.xlsx", _group_export())
    assert loaded.header_rows == (3, 4)
    questions = _questions(loaded)
    # All 29 statements, each named "group: statement", none lost to a blank header cell.
    assert len(questions) == 29
    assert "Palvelu: Väite 1" in questions and "Palvelu: Väite 29" in questions
    assert sum(n for n, _ in questions.values()) == 29 * 6


def test_the_codebook_after_the_table_is_left_out_and_read_as_the_codes_labels():
    loaded = load_file("webropol.xlsx", _group_export(3))
    assert loaded.rows == 6
    codes = [w for w in loaded.warnings if w.code == "codebook_read"]
    assert "1 = Täysin eri mieltä" in codes[0].message("fi")
    left = [w for w in loaded.warnings if w.code == "left_out_codebook"]
    assert "rivit 12–13" in left[0].message("fi")


def test_the_header_rows_can_be_chosen_and_the_names_follow():
    data = _group_export(3)
    mapping = Mapping(header_rows=(4, 4), roles={"[A]": "date", "[B]": "unit"})
    loaded = load_file("w.xlsx", data, mapping=mapping)
    assert {"Väite 1", "Väite 2", "Väite 3"} <= set(_questions(loaded))


def test_surveymonkey_s_response_row_is_a_header_row_and_options_join_their_question():
    rows = [
        ["Respondent ID", "Collector ID", "End Date", "Team", "Which did you use?", None, "Rate"],
        [None, None, None, "Response", "Library", "Pool", "Response"],
        [101, 5, "2024-03-05", "A", "Library", None, 4],
        [102, 5, "2024-03-06", "A", None, "Pool", 5],
        [103, 5, "2024-03-07", "A", "Library", "Pool", 3],
    ]
    loaded = load_file("sm.csv", csv_bytes(rows, sep=","), mapping=Mapping(roles={"Team": "unit"}))
    assert (loaded.header_rows, loaded.tool) == ((1, 2), "SurveyMonkey")
    roles = _roles(loaded)
    assert roles["Which did you use?: Library"] == ("background", "checkbox")
    assert roles["Which did you use?: Pool"] == ("background", "checkbox")
    assert _questions(loaded) == {"Rate": (3, 4.0)}


def test_rows_after_the_table_and_total_rows_are_left_out_with_a_note():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"]]
    rows += [["2024-03-05", "A", 4], ["2024-03-06", "B", 2], ["Yhteensä", None, 6]]
    rows += [[None], ["Lähde: oma kysely"]]
    loaded = load_file("p.xlsx", xlsx_bytes(rows))
    assert (loaded.rows, loaded.answers(), loaded.mean()) == (2, 2, 3.0)
    codes = {w.code for w in loaded.warnings}
    assert {"left_out_total", "left_out_note"} <= codes


def test_the_last_data_row_and_keeping_what_was_left_out_are_the_users_to_choose():
    rows = [["Päivämäärä", "Yksikkö", "Vastaus"]]
    rows += [["2024-03-05", "A", 4], ["2024-03-06", "B", 2], ["2024-03-07", "B", 5]]
    loaded = load_file("p.xlsx", xlsx_bytes(rows), mapping=Mapping(rows=(None, 3)))
    assert (loaded.rows, loaded.mean()) == (2, 3.0)
    total = rows + [["2024-03-08", "Kaikki", 3]]
    kept = load_file("p.xlsx", xlsx_bytes(total), mapping=Mapping(keep_left_out=True))
    assert kept.rows == 4


PORTUGUESE = ["Concordo totalmente", "Concordo", "Discordo", "Concordo totalmente", "Neutro"]


def _portuguese(extra: str | None = None) -> bytes:
    rows = [["Submit Date (UTC)", "Unidade", "A equipe foi cordial"]]
    answers = PORTUGUESE + ([extra] if extra else [])
    rows += [[f"2024-05-0{i + 1} 10:00:00", "Loja", a] for i, a in enumerate(answers)]
    return csv_bytes(rows, sep=",")


LABELS = {"Concordo totalmente": "5", "Concordo": "4", "Neutro": "3", "Discordo": "2"}


def test_answer_words_no_scale_knows_are_background_until_labelled():
    mapping = Mapping(roles={"Unidade": "unit"})
    with pytest.raises(LoadError) as caught:
        load_file("t.csv", _portuguese(), mapping=mapping)
    roles = {c.header: c for c in caught.value.mapping.columns}
    assert roles["A equipe foi cordial"].role == "background"
    # The words are listed with their counts, to be given scores.
    assert ("Concordo totalmente", 2, None) in roles["A equipe foi cordial"].counts
    labelled = Mapping(roles={"Unidade": "unit"}, labels=LABELS)
    loaded = load_file("t.csv", _portuguese(), mapping=labelled)
    assert _questions(loaded) == {"A equipe foi cordial": (5, 3.8)}


def test_a_label_can_skip_an_answer_and_a_typo_takes_the_score_it_is_given():
    labels = {**LABELS, "Aagree": "5", "Não sei": "skip"}
    mapping = Mapping(roles={"Unidade": "unit"}, labels=labels)
    loaded = load_file("t.csv", _portuguese("Não sei"), mapping=mapping)
    assert _questions(loaded) == {"A equipe foi cordial": (5, 3.8)}
    per_question = Mapping(
        roles={"Unidade": "unit"}, question_labels={"A equipe foi cordial": LABELS}
    )
    assert _questions(load_file("t.csv", _portuguese(), mapping=per_question))[
        "A equipe foi cordial"
    ] == (5, 3.8)


def test_a_scale_chosen_for_unknown_words_reports_them_once_with_the_remedy():
    mapping = Mapping(roles={"Unidade": "unit", "A equipe foi cordial": "question:1-5"})
    loaded = load_file("t.csv", _portuguese(), mapping=mapping)
    (note,) = [w for w in loaded.warnings if w.code == "unknown_words"]
    assert '--label "Concordo totalmente=SCORE"' in note.message("en")
    assert loaded.answers() == 0


def _columns_file() -> bytes:
    rows = [
        [
            "id",
            "submitdate",
            "lastpage",
            "ipaddr",
            "refurl",
            "startdate",
            "How many times did you visit?",
            "How many times did you visit?",
            "Time spent (0-4)",
            "Country",
            "Tick if member",
            "Slider",
            "Service was good",
            "Comments",
        ]
    ]
    for i in range(8):
        rows.append(
            [
                1000 + i,
                f"2024-03-0{i + 1} 12:00:00",
                1,
                f"10.0.0.{i + 1}",
                f"https://example.org/r/{i}",
                f"2024-03-0{i + 1} 11:55:00",
                i % 4,
                (i * 3) % 5,
                i % 5,
                ["Finland", "Sweden"][i % 2],
                1 if i % 3 else None,
                [12, 55, 80, 100, 0, 45, 67, 90][i],
                [4, 5, 3, 4, 2, 5, 4, 3][i],
                f"Palaute numero {i} on tässä ja se on pitkä" if i % 2 else None,
            ]
        )
    return csv_bytes(rows, sep=",")


def test_only_answers_become_figures_and_each_other_column_says_why():
    loaded = load_file("ls.csv", _columns_file(), mapping=Mapping(unit="Kirjasto"))
    roles = _roles(loaded)
    assert roles["id"] == ("metadata", "metadata")
    assert roles["lastpage"] == ("metadata", "page_number")
    assert roles["ipaddr"][0] == "metadata"
    assert roles["refurl"] == ("metadata", "url")
    assert roles["startdate"][0] == "metadata"
    # Two columns sharing a header stay two, named apart; counts are not ratings.
    assert roles["How many times did you visit?"] == ("background", "count")
    assert roles["How many times did you visit? (2)"] == ("background", "count")
    assert roles["Time spent (0-4)"] == ("background", "quantity")
    assert roles["Country"] == ("background", "background_header")
    assert roles["Tick if member"] == ("background", "checkbox")
    assert roles["Slider"][0] in ("background", "ignore")
    assert roles["Comments"][0] == "comment"
    assert _questions(loaded) == {"Service was good": (8, 3.75)}


@pytest.mark.parametrize(("scale", "mean"), [("0-100", 56.125), ("1-10", None)])
def test_a_slider_and_a_1_10_scale_can_be_chosen(scale, mean):
    roles = {"Slider": f"question:{scale}"}
    if scale == "1-10":
        roles = {"Service was good": "question:1-10"}
    loaded = load_file("ls.csv", _columns_file(), mapping=Mapping(unit="K", roles=roles))
    question = "Slider" if scale == "0-100" else "Service was good"
    row = loaded.tables["feedback"].query("question == @question").iloc[0]
    low, high = {"0-100": (0, 100), "1-10": (1, 10)}[scale]
    assert (row.scale_min, row.scale_max) == (low, high)
    if mean is not None:
        assert _questions(loaded)[question][1] == mean


def test_a_column_without_a_header_is_named_by_its_letter():
    rows = [["Päivämäärä", None, "Arvio"], ["2024-03-05", "A", 4], ["2024-03-06", "B", 2]]
    loaded = load_file("k.xlsx", xlsx_bytes(rows), mapping=Mapping(roles={"[B]": "unit"}))
    assert loaded.unit_names() == ["A", "B"]


def _workforce(month_header: bool = True) -> bytes:
    rows = [["Organisation", "EU staff", "UK staff", "FTE"]]
    rows += [["Trust A", 10, 90, 95.5], ["Trust B", 5, 45, 48.0]]
    return xlsx_bytes(rows)


def test_a_workforce_file_of_one_month_takes_a_fixed_date_and_sums_two_columns():
    mapping = Mapping(
        roles={"Organisation": "unit", "EU staff": "headcount", "UK staff": "headcount"},
        date="2017-SEP",
    )
    loaded = load_file("w.xlsx", _workforce(), kind="workforce", mapping=mapping)
    table = loaded.tables["workforce"]
    assert list(table["headcount"]) == [100.0, 50.0]
    assert {str(m) for m in table["month"]} == {"2017-09-01"}
    (summed,) = [w for w in loaded.warnings if w.code == "columns_summed"]
    assert '"EU staff", "UK staff"' in summed.message("en")


@pytest.mark.parametrize(
    "text",
    [
        "2017-09",
        "9/2017",
        "09.2017",
        "2017-SEP",
        "Sep 2017",
        "syyskuu 2017",
        "sept. 2017",
        "september 2017",
        "Syyskuussa 2017",
    ],
)
def test_months_are_read_as_exports_write_them(text):
    assert parse_period(text).isoformat() == "2017-09-01"


@pytest.mark.parametrize(("text", "first"), [("vårtermin 2024", 1), ("hösttermin 2024", 8)])
def test_swedish_terms_are_periods(text, first):
    assert parse_period(text).month == first


def test_subtotal_rows_over_their_units_are_left_out_and_named():
    rows = [["Organisation", "Headcount"], ["England", 30], ["North", 20]]
    rows += [["Trust A", 12], ["Trust B", 8], ["South", 10], ["Trust C", 6], ["Trust D", 4]]
    mapping = Mapping(roles={"Organisation": "unit"}, date="2017-09")
    loaded = load_file("w.xlsx", xlsx_bytes(rows), kind="workforce", mapping=mapping)
    table = loaded.tables["workforce"]
    assert sorted(table["unit"]) == ["Trust A", "Trust B", "Trust C", "Trust D"]
    assert table["headcount"].sum() == 30
    (note,) = [w for w in loaded.warnings if w.code == "left_out_subtotal"]
    assert "North, South, England" in note.message("en")
    kept = load_file(
        "w.xlsx", xlsx_bytes(rows), kind="workforce", mapping=Mapping(**{**vars(mapping)})
    )
    assert len(kept.tables["workforce"]) == 4
    mapping.keep_left_out = True
    everything = load_file("w.xlsx", xlsx_bytes(rows), kind="workforce", mapping=mapping)
    assert len(everything.tables["workforce"]) == 7


def test_a_table_with_no_known_header_reaches_the_mapping_step_with_its_columns():
    rows = [["Kurssi", "Opetus oli selkeää", "Työmäärä sopiva"]]
    rows += [["K1", 4, 3], ["K1", 5, 4], ["K2", 3, 2]]
    with pytest.raises(LoadError) as caught:
        load_file("arvio.xlsx", xlsx_bytes(rows))
    message = caught.value.message("en")
    assert '"Date", "Unit"' in message
    assert "lacks –" not in message
    assert [c.header for c in caught.value.mapping.columns] == rows[0]
    mapping = Mapping(roles={"Kurssi": "unit"}, date="2024-05")
    loaded = load_file("arvio.xlsx", xlsx_bytes(rows), mapping=mapping)
    assert _questions(loaded)["Opetus oli selkeää"] == (3, 4.0)


def test_a_codebook_after_the_table_gives_its_labels_their_codes():
    rows = [["Vastausaika", "Toimipiste", "Palvelu oli hyvää"]]
    rows += [["3.9.2024", "K", "Erinomaista"], ["4.9.2024", "K", "Heikkoa"]]
    rows += [["5.9.2024", "K", "Erinomaista"], [], ["1 = Heikkoa"], ["5 = Erinomaista"]]
    loaded = load_file("k.xlsx", xlsx_bytes(rows))
    assert _questions(loaded) == {"Palvelu oli hyvää": (3, round(11 / 3, 4))}


def test_a_kind_named_for_a_table_of_unknown_headers_is_proposed_as_that_kind():
    rows = [["Organisaatio", "Väkiluku"], ["A", 10], ["B", 20]]
    with pytest.raises(LoadError) as caught:
        load_file("w.xlsx", xlsx_bytes(rows), kind="workforce")
    message = caught.value.message("en")
    assert "Workforce" in message and '"Month"' in message
    mapping = Mapping(roles={"Organisaatio": "unit", "Väkiluku": "headcount"}, date="2024-01")
    loaded = load_file("w.xlsx", xlsx_bytes(rows), kind="workforce", mapping=mapping)
    assert list(loaded.tables["workforce"]["headcount"]) == [10.0, 20.0]


def test_swedish_headers_and_words_are_known():
    rows = [["Datum", "Enhet", "Fråga", "Svar"]]
    rows += [["2024-03-05", "Hemvården", "Bemötande", "Instämmer helt"]]
    rows += [["2024-03-06", "Hemvården", "Bemötande", "Instämmer delvis"]]
    loaded = load_file("svar.xlsx", xlsx_bytes(rows))
    assert (loaded.form, _questions(loaded)) == ("long", {"Bemötande": (2, 4.5)})
    hr = [
        ["Månad", "Enhet", "Antal anställda", "Årsverken"],
        ["september 2017", "Hemvården", 12, 11.5],
    ]
    staff = load_file("personal.xlsx", xlsx_bytes(hr)).tables["workforce"]
    assert (str(staff["month"][0]), staff["headcount"][0], staff["fte"][0]) == (
        "2017-09-01",
        12,
        11.5,
    )


def test_field_codes_under_question_texts_are_a_header_row():
    rows = [
        ["Vastausaika", "Toimipiste", "Palvelu oli nopeaa", "Henkilökunta oli ystävällistä"],
        ["submitdate", "site", "G1Q1", "G1Q2"],
        ["2024-03-05", "K", 4, 5],
        ["2024-03-06", "K", 3, 4],
    ]
    loaded = load_file("ls.csv", csv_bytes(rows, sep=","))
    assert loaded.header_rows == (1, 2)
    assert _questions(loaded) == {
        "Palvelu oli nopeaa: G1Q1": (2, 3.5),
        "Henkilökunta oli ystävällistä: G1Q2": (2, 4.5),
    }


def test_a_text_row_under_a_header_with_one_blank_cell_is_data():
    rows = [["Yksikkö", "Palvelualue", None], ["Päiväkoti Aurinko", "Varhaiskasvatus", "huom"]]
    rows += [["Kotihoito Itä", "Vanhuspalvelut", None]]
    loaded = load_file("yksikot.xlsx", xlsx_bytes(rows))
    assert (loaded.kind, loaded.header_rows, loaded.rows) == ("units", (1, 1), 2)


def _outline_table() -> list[list]:
    """A publisher's table: England and its regions written in column A, their trusts in B.
    A region counts a person working in two trusts once, so North (61) is not its trusts' sum
    (62); and CCG C (6) happens to be the sum of the two rows below it (4 + 2)."""
    rows = [[None, "Organisation", "Headcount"], ["England", None, 100], ["North", None, 61]]
    rows += [[None, "Trust A", 30], [None, "Trust B", 20], [None, "CCG C", 6]]
    rows += [[None, "CCG D", 4], [None, "CCG E", 2], ["South", None, 40]]
    rows += [[None, f"Trust {name}", 4] for name in "FGHIJKLM"] + [[None, "CCG N", 8]]
    return rows


def test_regions_written_left_of_their_units_are_subtotals_though_not_their_sum():
    mapping = Mapping(roles={"Organisation": "unit"}, date="2016-09")
    loaded = load_file("w.xlsx", xlsx_bytes(_outline_table()), kind="workforce", mapping=mapping)
    table = loaded.tables["workforce"]
    assert len(table) == 14
    assert "CCG C" in set(table["unit"])  # a sum by chance is a unit all the same
    assert not {"England", "North", "South"} & set(table["unit"])
    assert table["headcount"].sum() == 30 + 20 + 6 + 4 + 2 + 8 * 4 + 8
    (note,) = [w for w in loaded.warnings if w.code == "left_out_subtotal"]
    assert "England, North, South (rows 2–3, 9)" in note.message("en")
