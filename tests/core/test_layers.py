"""Dependencies run one way (docs/ARCHITECTURE.md): the import-linter contracts in
pyproject.toml fail when a lower layer imports a higher one, or anything below ui imports
Streamlit."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_layers_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_pages_live_outside_a_pages_folder():
    """A `pages/` folder turns on Streamlit's legacy mode, in which a page runs without app.py's
    sign-in gate; every page is declared in app.py's st.navigation instead."""
    assert not (ROOT / "pages").exists()
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    for view in sorted((ROOT / "views").glob("*.py")):
        assert f'"views/{view.name}"' in app, f"{view.name} is not declared in app.py"


def test_the_module_map_names_every_module_and_no_gone_one():
    """docs/ARCHITECTURE.md's module map stays true as modules come and go."""
    import ast
    import re

    listed = set(
        re.findall(r"^- `([\w/]+\.py)`", (ROOT / "docs/ARCHITECTURE.md").read_text(), re.M)
    )
    skip = ("tests/", "data_model/migrations/versions/")
    modules = {
        str(p.relative_to(ROOT))
        for p in ROOT.glob("**/*.py")
        if not str(p.relative_to(ROOT)).startswith((*skip, ".venv"))
        and (p.name != "__init__.py" or len(ast.parse(p.read_text()).body) > 1)  # code in it
    }
    assert modules - listed == set(), "add these to docs/ARCHITECTURE.md's module map"
    assert listed - modules == set(), "these are gone: take them out of the module map"
