"""The audit trail's store (data_model/audit.py): events newest first with their details, and
the filters of the Audit page (days, user, events)."""

import datetime as dt

from data_model import audit


def test_events_come_back_newest_first_with_details_and_filters(engine):
    audit.record(engine=engine, user="maija", action="sign_in", via="password")
    audit.record(engine=engine, user="maija", action="export", what="trends", rows=12)
    audit.record(engine=engine, user="pekka", action="import", file="palaute.xlsx")

    everything = audit.events(engine=engine)
    assert [(e["user"], e["action"]) for e in everything] == [
        ("pekka", "import"),
        ("maija", "export"),
        ("maija", "sign_in"),
    ]
    assert everything[1]["details"] == {"what": "trends", "rows": 12}
    assert everything[0]["at"].tzinfo is not None

    assert [e["action"] for e in audit.events(engine=engine, user="maija")] == ["export", "sign_in"]
    assert [e["user"] for e in audit.events(engine=engine, actions=["import"])] == ["pekka"]
    today = dt.datetime.now(dt.UTC).date()
    assert len(audit.events(engine=engine, start=today, end=today)) == 3
    assert audit.events(engine=engine, end=today - dt.timedelta(days=1)) == []
