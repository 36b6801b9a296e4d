"""The routes added to Streamlit's web server (ui/web.py), called as the server calls them (ASGI):
a sign-in's one-time code becomes an HttpOnly, SameSite=Lax cookie (Secure behind HTTPS), once
and only from the app's own pages; downloads and uploads need a valid session."""

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from data_model import sessions, users
from data_model.db import open_database
from ui import web

ORIGIN = {"host": "dash.kunta.fi", "origin": "http://dash.kunta.fi"}


def call(app, method: str, path: str, headers: dict, body: bytes = b"", client="203.0.113.9"):
    """One HTTP request through an ASGI app: (status, headers as (name, value) pairs)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": (client, 50000),
        "server": ("dash.kunta.fi", 80),
    }
    sent: list[dict] = []
    chunks = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    # In a thread of its own: a browser test earlier in this worker leaves Playwright's event
    # loop running in the main thread, where asyncio.run() refuses to start another.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], [(k.decode(), v.decode()) for k, v in start["headers"]]


def route(path: str):
    return next(r for r in web.routes() if r.path == path)


def cookie_header(headers) -> str:
    (found,) = [v for k, v in headers if k == "set-cookie"]
    return found


@pytest.fixture
def signed_in():
    """A user who has just signed in: their session's one-time code."""
    engine = open_database(os.environ["DATABASE_URL"])
    user_id = users.add_user(engine=engine, name="Maija", role="admin", password="pitkä salasana")
    yield engine, sessions.start(engine=engine, user_id=user_id)
    engine.dispose()


def test_the_code_becomes_an_http_only_same_site_cookie_once(signed_in):
    engine, started = signed_in
    start = route("/session/start")

    status, headers = call(start, "POST", "/session/start", ORIGIN, started.code.encode())
    assert status == 204
    cookie = cookie_header(headers)
    assert cookie.startswith("tilannekuva_session=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie and "expires" not in cookie.lower()
    token = cookie.split(";")[0].split("=", 1)[1]
    assert sessions.is_valid(engine=engine, token=token, idle_minutes=30, max_hours=12)

    again = call(start, "POST", "/session/start", ORIGIN, started.code.encode())
    assert again[0] == 403  # a code works once


@pytest.mark.parametrize(
    "headers",
    [
        {"host": "dash.kunta.fi"},  # no Origin
        {"host": "dash.kunta.fi", "origin": "https://evil.example"},
    ],
    ids=["no origin", "another site"],
)
def test_only_the_apps_own_pages_may_fetch_the_cookie(signed_in, headers):
    _, started = signed_in

    status, answer = call(route("/session/start"), "POST", "/session/start", headers, b"x")
    assert status == 403
    status, answer = call(
        route("/session/start"), "POST", "/session/start", headers, started.code.encode()
    )
    assert status == 403 and not [k for k, _ in answer if k == "set-cookie"]


@pytest.mark.parametrize(
    ("client", "trusted", "secure"),
    [("10.0.0.5", "10.0.0.5", True), ("203.0.113.9", "10.0.0.5", False), ("10.0.0.5", "", False)],
    ids=["trusted proxy", "anyone else", "no proxy trusted"],
)
def test_the_cookie_is_secure_behind_https_that_a_trusted_proxy_reports(
    signed_in, monkeypatch, client, trusted, secure
):
    _, started = signed_in
    monkeypatch.setenv("TILANNEKUVA_TRUSTED_PROXIES", trusted)
    headers = {**ORIGIN, "x-forwarded-proto": "https"}

    status, answer = call(
        route("/session/start"), "POST", "/session/start", headers, started.code.encode(), client
    )
    assert status == 204
    assert ("Secure" in cookie_header(answer)) is secure


def test_sign_out_takes_the_cookie_away_and_ends_its_session(signed_in):
    engine, started = signed_in
    token = sessions.hand_over(engine=engine, code=started.code)

    headers = {**ORIGIN, "cookie": f"tilannekuva_session={token}"}
    status, answer = call(route("/session/end"), "POST", "/session/end", headers)

    assert status == 204
    assert 'tilannekuva_session=""' in cookie_header(answer)
    assert "Max-Age=0" in cookie_header(answer)
    assert not sessions.is_valid(engine=engine, token=token, idle_minutes=30, max_hours=12)


class Inner:
    """Stands for Streamlit's own routes behind the guard."""

    def __init__(self):
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"file"})


@pytest.mark.parametrize("path", ["/media/abc123.xlsx", "/_stcore/upload_file/sid/fid"])
def test_downloads_and_uploads_need_a_valid_session(signed_in, path):
    engine, started = signed_in
    token = sessions.hand_over(engine=engine, code=started.code)
    inner = Inner()
    guard = web.SignedInFiles(inner)

    assert call(guard, "GET", path, {})[0] == 403
    assert call(guard, "GET", path, {"cookie": "tilannekuva_session=arvaus"})[0] == 403
    assert call(guard, "GET", path, {"cookie": f"tilannekuva_session={token}"})[0] == 200
    sessions.end_by_token(engine=engine, token=token, reason="sign_out")
    assert call(guard, "GET", path, {"cookie": f"tilannekuva_session={token}"})[0] == 403
    assert call(guard, "GET", "/_stcore/health", {})[0] == 200  # everything else passes
    assert inner.calls == 2


def test_an_app_running_open_without_users_serves_files_to_anyone():
    inner = Inner()

    assert call(web.SignedInFiles(inner), "GET", "/media/abc.xlsx", {})[0] == 200


def test_behind_a_proxy_that_rewrites_host_the_listed_public_origin_is_the_apps(signed_in):
    from streamlit import config

    _, started = signed_in
    headers = {"host": "10.0.0.7:8501", "origin": "https://tilannekuva.kunta.fi"}
    start = route("/session/start")
    assert call(start, "POST", "/session/start", headers, b"x")[0] == 403

    config.set_option("server.corsAllowedOrigins", ["https://tilannekuva.kunta.fi"])
    try:
        status, _ = call(start, "POST", "/session/start", headers, started.code.encode())
    finally:
        config.set_option("server.corsAllowedOrigins", [])
    assert status == 204
