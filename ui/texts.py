"""Every text the user sees, in Finnish and English, in one place (no Streamlit here).

t(key, lang, **params) formats a text; a key missing from a language is a bug a test catches.
"""

LANGUAGES = ("fi", "en")
DEFAULT_LANGUAGE = "fi"

TEXTS: dict[str, dict[str, str]] = {
    "fi": {
        # Where a problem is.
        "place.file": "Tiedosto {file}",
        "place.sheet": "taulukko {sheet}",
        "place.row": "rivi {row}",
        "place.column": 'sarake "{column}"',
        "problems.file": "Tiedosto",
        "problems.sheet": "Taulukko",
        "problems.row": "Rivi",
        "problems.column": "Sarake",
        "problems.value": "Arvo",
        "problems.problem": "Ongelma",
        "problems.more": "… ja {n} muuta ongelmaa.",
        # What is wrong with a whole file.
        "problem.empty_file": "Tiedosto on tyhjä.",
        "problem.unsupported_type": (
            "Tiedostotyyppiä ei tueta. Tallenna tiedosto Excel-muodossa (.xlsx) tai CSV-muodossa."
        ),
        "problem.not_a_workbook": (
            "Tiedosto ei ole Excel-työkirja (.xlsx) eikä CSV-tiedosto. "
            "Avaa se Excelissä ja tallenna muodossa .xlsx."
        ),
        "problem.corrupt_workbook": (
            "Työkirja on vioittunut tai katkennut, eikä sitä voi lukea ({detail}). "
            "Avaa se Excelissä ja tallenna uudelleen muodossa .xlsx."
        ),
        "problem.legacy_xls": (
            "Tiedosto on vanhaa Excel 97–2003 -muotoa (.xls). "
            "Avaa se Excelissä ja tallenna muodossa .xlsx (Excel-työkirja)."
        ),
        "problem.password_protected": (
            "Työkirja on suojattu salasanalla, eikä sitä voi lukea. "
            "Avaa se Excelissä ja tallenna muodossa .xlsx ilman salasanaa."
        ),
        "problem.too_large": (
            "Työkirja purkautuisi {size} megatavuun, mikä ylittää rajan {limit} Mt. "
            "Tiedostoa ei lueta. Jaa tiedot pienempiin tiedostoihin."
        ),
        "problem.no_data": "Tiedostossa ei ole yhtään tietoriviä.",
        "problem.empty_sheet": "Taulukko on tyhjä.",
        "problem.unknown_kind": (
            "Tiedoston sisältöä ei tunnistettu: yhdenkään taulukon otsikkorivi ei vastaa "
            "mitään tuettua tiedostomuotoa. Tarkista sarakeotsikot tai lataa malli."
        ),
        "problem.missing_columns": (
            "Pakollinen sarake puuttuu: {columns}. Otsikkoriviksi tulkittiin rivi {header_row}."
        ),
        "problem.no_questions": (
            "Tiedostosta ei löytynyt yhtään kysymyssaraketta, jossa olisi numeroita tai "
            "vastausvaihtoehtoja (esim. täysin samaa mieltä)."
        ),
        # What is wrong with one cell.
        "problem.required_value": "Arvo puuttuu.",
        "problem.not_a_number": '"{value}" ei ole numero.',
        "problem.not_a_whole_number": '"{value}" ei ole kokonaisluku.',
        "problem.negative": "{value} on negatiivinen; arvon pitää olla vähintään 0.",
        "problem.out_of_scale": "{value} on asteikon {low}–{high} ulkopuolella.",
        "problem.out_of_range": "{value} ei ole välillä {low}–{high}.",
        "problem.not_a_date": '"{value}" ei ole päivämäärä (esim. 5.10.2016 tai 2016-10-05).',
        "problem.not_a_period": (
            '"{value}" ei ole kausi (esim. 2024, 2024-03, 3/2024, 2023Q2, kevät 2024).'
        ),
        "problem.not_yes_no": '"{value}" ei ole kyllä tai ei.',
        "problem.bad_scale": '"{value}" ei ole kelvollinen asteikon yläraja (2–10).',
        "problem.unknown_indicator": '"{value}" ei ole tunnettu mittari. Tunnetut: {known}.',
        "problem.mean_above_scale": "Keskiarvo {value} on asteikon {low}–{high} ulkopuolella.",
        # Warnings.
        "problem.ignored_columns": "Sarakkeita ei käytetty: {columns}.",
        "problem.blank_rows_skipped": "{n} tyhjää riviä ohitettiin.",
        "problem.cannot_say_skipped": "{n} vastausta 'en osaa sanoa' (eos) ohitettiin.",
        "problem.unit_created": (
            "Yksikköä ei ollut yksikkörekisterissä, joten se luotiin: {units}."
        ),
        "problem.rows_merged": (
            "{n} riviä samalle yksikölle ja kuukaudelle laskettiin yhteen "
            "(henkilötason tiedot tallennetaan yksikkö-kuukausina)."
        ),
        "problem.unit_service_area_missing": "Yksiköllä ei ole palvelualuetta.",
        # Kinds and forms.
        "kind.units": "Yksikkörekisteri",
        "kind.feedback": "Palaute",
        "kind.workforce": "Henkilöstö",
        "kind.mentor_reports": "Mentoriraportit",
        "kind.targets": "Tavoitteet",
        "form.register": "rekisteri",
        "form.long": "pitkä (vastaus per rivi)",
        "form.wide": "leveä (vastaaja per rivi)",
        "form.aggregated": "koottu (keskiarvot)",
        "form.counts": "hymiölaskurit",
        "form.arvo_wide": "ARVO, leveä",
        "form.arvo_long": "ARVO, pitkä",
        "form.monthly": "kuukausittain",
        "form.reports": "raportit",
        "form.targets": "tavoitteet",
        # Import outcomes.
        "status.imported": "tuotu",
        "status.unchanged": "ei muutoksia: tiedosto on jo tuotu aiemmin",
        "status.error": "virhe",
    },
    "en": {
        "place.file": "File {file}",
        "place.sheet": "sheet {sheet}",
        "place.row": "row {row}",
        "place.column": 'column "{column}"',
        "problems.file": "File",
        "problems.sheet": "Sheet",
        "problems.row": "Row",
        "problems.column": "Column",
        "problems.value": "Value",
        "problems.problem": "Problem",
        "problems.more": "… and {n} more problems.",
        "problem.empty_file": "The file is empty.",
        "problem.unsupported_type": (
            "This file type is not supported. Save the file as an Excel workbook (.xlsx) or CSV."
        ),
        "problem.not_a_workbook": (
            "The file is neither an Excel workbook (.xlsx) nor a CSV file. "
            "Open it in Excel and save it as .xlsx."
        ),
        "problem.corrupt_workbook": (
            "The workbook is damaged or truncated and cannot be read ({detail}). "
            "Open it in Excel and save it again as .xlsx."
        ),
        "problem.legacy_xls": (
            "The file is in the old Excel 97–2003 format (.xls). "
            "Open it in Excel and save it as .xlsx (Excel Workbook)."
        ),
        "problem.password_protected": (
            "The workbook is protected with a password and cannot be read. "
            "Open it in Excel and save it as .xlsx without a password."
        ),
        "problem.too_large": (
            "The workbook would unpack to {size} MB, over the limit of {limit} MB, "
            "so it is not read. Split the data into smaller files."
        ),
        "problem.no_data": "The file has no data rows.",
        "problem.empty_sheet": "The sheet is empty.",
        "problem.unknown_kind": (
            "The file's content was not recognised: no sheet has a header row that matches a "
            "supported file format. Check the column headers or download a template."
        ),
        "problem.missing_columns": (
            "A required column is missing: {columns}. Row {header_row} was read as the header."
        ),
        "problem.no_questions": (
            "No question column with numbers or answer options (e.g. strongly agree) was found."
        ),
        "problem.required_value": "The value is missing.",
        "problem.not_a_number": '"{value}" is not a number.',
        "problem.not_a_whole_number": '"{value}" is not a whole number.',
        "problem.negative": "{value} is negative; it must be at least 0.",
        "problem.out_of_scale": "{value} is outside the scale {low}–{high}.",
        "problem.out_of_range": "{value} is not between {low} and {high}.",
        "problem.not_a_date": '"{value}" is not a date (e.g. 5.10.2016 or 2016-10-05).',
        "problem.not_a_period": (
            '"{value}" is not a period (e.g. 2024, 2024-03, 3/2024, 2023Q2, spring 2024).'
        ),
        "problem.not_yes_no": '"{value}" is not yes or no.',
        "problem.bad_scale": '"{value}" is not a valid scale maximum (2–10).',
        "problem.unknown_indicator": '"{value}" is not a known indicator. Known: {known}.',
        "problem.mean_above_scale": "The mean {value} is outside the scale {low}–{high}.",
        "problem.ignored_columns": "Columns not used: {columns}.",
        "problem.blank_rows_skipped": "{n} blank rows were skipped.",
        "problem.cannot_say_skipped": "{n} 'cannot say' (eos) answers were skipped.",
        "problem.unit_created": "Units not in the unit register were created: {units}.",
        "problem.rows_merged": (
            "{n} rows for the same unit and month were added up "
            "(person-level figures are stored as unit-months)."
        ),
        "problem.unit_service_area_missing": "The unit has no service area.",
        "kind.units": "Unit register",
        "kind.feedback": "Feedback",
        "kind.workforce": "Workforce",
        "kind.mentor_reports": "Mentor reports",
        "kind.targets": "Targets",
        "form.register": "register",
        "form.long": "long (one answer per row)",
        "form.wide": "wide (one respondent per row)",
        "form.aggregated": "aggregated (means)",
        "form.counts": "smiley counts",
        "form.arvo_wide": "ARVO, wide",
        "form.arvo_long": "ARVO, long",
        "form.monthly": "monthly",
        "form.reports": "reports",
        "form.targets": "targets",
        "status.imported": "imported",
        "status.unchanged": "unchanged: this file was imported before",
        "status.error": "error",
    },
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text for key in lang, formatted with params; falls back to Finnish, then the key."""
    table = TEXTS.get(lang) or TEXTS[DEFAULT_LANGUAGE]
    text = table.get(key) or TEXTS[DEFAULT_LANGUAGE].get(key) or key
    return text.format(**params) if params else text
