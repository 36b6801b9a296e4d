"""First-start seeding: an empty database gets the demo, any other is left alone, and two
processes starting at once still store each demo file once."""

import threading

import pytest
from sqlalchemy import func, select

from data_model.db import is_empty
from data_model.models import ImportBatch
from demo import generate as demo
from demo import seed
from demo.seed import import_demo, seed_demo_if_empty
from tests.builders import snapshot


def _batch_files(engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.execute(select(ImportBatch.file_name)).scalars())


def test_an_empty_database_gets_the_demo_from_data_demo(engine, tmp_path, monkeypatch):
    monkeypatch.setattr(seed, "DEFAULT_DEMO_DIR", tmp_path / "data" / "demo")
    assert is_empty(engine)
    assert seed_demo_if_empty(engine=engine) is True
    assert _batch_files(engine) == sorted(name for name, _ in demo.BUILDERS)
    written = sorted(p.name for p in (tmp_path / "data" / "demo").iterdir())
    assert written == _batch_files(engine)


@pytest.mark.slow
def test_a_second_seed_changes_nothing(engine, tmp_path):
    seed_demo_if_empty(engine=engine, out_dir=tmp_path / "first")
    before = snapshot(engine)
    assert seed_demo_if_empty(engine=engine, out_dir=tmp_path / "second") is False
    assert snapshot(engine) == before
    assert not (tmp_path / "second").exists()


def test_a_database_with_any_import_is_not_seeded(engine, tmp_path):
    paths = demo.write_demo_files(tmp_path / "files")
    import_demo(engine=engine, paths=[p for p in paths if p.name == demo.TARGETS])
    assert seed_demo_if_empty(engine=engine, out_dir=tmp_path / "seed") is False
    assert _batch_files(engine) == [demo.TARGETS]


@pytest.mark.slow
def test_two_seeds_at_once_store_each_file_once(engine, tmp_path):
    outcomes, errors = [], []

    def start() -> None:
        try:
            outcomes.append(seed_demo_if_empty(engine=engine, out_dir=tmp_path))
        except Exception as error:  # surfaced below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert len(outcomes) == 2 and any(outcomes)
    assert _batch_files(engine) == sorted(name for name, _ in demo.BUILDERS)
    with engine.connect() as conn:
        distinct_digests = conn.execute(select(func.count(func.distinct(ImportBatch.sha256))))
        assert distinct_digests.scalar_one() == len(demo.BUILDERS)
