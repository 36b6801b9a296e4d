"""What the mapping step shows of a wide survey's columns: a few of each column's values, and
none of a column of personal data."""

import pandas as pd

from loaders import roles


def test_a_sample_shows_the_first_four_distinct_values_as_plain_masked_text():
    cells = pd.Series(
        [None, "Kyllä", "  ", "Kyllä", 1, 1.0, "Soita  040 123 4567", "Ei", "Ehkä", "x" * 60],
        dtype=object,
    )

    # Blanks are skipped, a repeated value is shown once, 1 and 1.0 are two values as they
    # would read in the file, spaces collapse and a phone number is masked like a comment's.
    assert roles.sample(cells) == "Kyllä; 1; 1.0; Soita [tel.]"


def test_a_sample_reads_on_until_four_different_texts_are_found():
    """Values that mask to the same text count once: the sample goes on to the next ones,
    however far down the column they are (here past the first chunk read at a time)."""
    mails = [f"vastaaja{i}@example.fi" for i in range(5000)]
    cells = pd.Series([*mails, "Kyllä", 3, "Kyllä", "Ei"], dtype=object)

    assert roles.sample(cells) == "[e-mail]; Kyllä; 3; Ei"


def test_a_personal_column_is_shown_without_values_and_a_question_with_them():
    mails = pd.Series([f"vastaaja{i}@example.fi" for i in range(40)], dtype=object)
    personal, reading = roles.column_role("Yhteystieto", mails, None)
    assert (personal.role, personal.note, personal.sample, reading) == (
        "personal",
        "personal_content",
        "",
        None,
    )

    answers = pd.Series(["Samaa mieltä", "Eri mieltä", "Samaa mieltä", None] * 10, dtype=object)
    question, _ = roles.column_role("Viihdyin hyvin", answers, None)
    assert question.role.startswith("question:")
    assert question.sample == "Samaa mieltä; Eri mieltä"
