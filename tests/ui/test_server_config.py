"""The server settings the app relies on, as `streamlit run` reads them from
.streamlit/config.toml in the project folder."""

import os
from pathlib import Path

from streamlit import config

ROOT = Path(__file__).resolve().parents[2]


def test_the_server_is_configured_as_the_readme_says(monkeypatch):
    monkeypatch.chdir(ROOT)  # where `make run` starts it
    for name in list(os.environ):
        if name.startswith("STREAMLIT_"):
            monkeypatch.delenv(name)
    try:
        config.get_config_options(force_reparse=True)
        # No traceback ever reaches a page (the guide: bad input gets a clear message).
        assert config.get_option("client.showErrorDetails") == "none"
        assert config.get_option("server.enableXsrfProtection") is True
        # No "Download as CSV" from the tables' toolbar: it wrote =HYPERLINK(...) cells live.
        assert config.get_option("client.disableDataExport") is True
        # No forced full garbage collection after every click (README "Speed").
        assert config.get_option("runner.postScriptGC") is False
    finally:
        config.get_config_options(force_reparse=True)
