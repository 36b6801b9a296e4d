"""The command line speaks each language of the app: `--lang sv` prints a file's status and the
cell it stumbled on in Swedish, and an unknown language is a usage error."""

import pytest

from cli import main
from tests.builders import long_feedback, xlsx_bytes


@pytest.fixture
def bad_file(tmp_path):
    path = tmp_path / "virhe.xlsx"
    path.write_bytes(xlsx_bytes(long_feedback(score=7)))
    return path


def test_messages_in_swedish(bad_file, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--lang", "sv", "import", str(bad_file), "--database-url", url]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "virhe.xlsx: fel"
    assert out[1] == (
        "Filen virhe.xlsx, bladet Taulukko1, rad 2, kolumnen ”Vastaus”: "
        "7 ligger utanför skalan 1–5."
    )


def test_a_language_the_app_does_not_speak_is_refused(bad_file, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "de", "import", str(bad_file)])
    assert stop.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err
