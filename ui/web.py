"""What Tilannekuva adds to Streamlit's web server (st.App, which `streamlit run app.py` starts):
the session cookie and the guard on files.

A Streamlit script cannot set a cookie: it talks to the browser over a websocket, and a cookie
is set by an HTTP response. So a sign-in (in the script) starts a server-side session and puts
a one-time code on the page; the page posts the code to /session/start, whose response sets the
session cookie: HttpOnly (no script reads it), SameSite=Lax (no other site's form or request
sends it), Secure when the browser came over HTTPS, Path the app's, no expiry (it ends with the
browser; the server ends the session sooner). Every later connection of that browser, a reload
or a new tab, brings the cookie, and ui.auth resumes the session from it. /session/end takes
the cookie away after sign-out.

Downloads (/media/...) and uploads (/_stcore/upload_file/...) are served only to a browser whose
cookie is a valid session (anyone, while the app runs open without users): a download's link
is useless without the session, and dead after sign-out."""

import threading

from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from streamlit import config

from core import forwarding
from core.config import get_settings
from data_model import sessions, users
from data_model.db import open_database

COOKIE = "tilannekuva_session"
START, END = "session/start", "session/end"
GUARDED = ("media/", "_stcore/upload_file/")
MAX_CODE = 200  # characters of a posted code read at most

_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def base_path() -> str:
    """The app's URL path prefix ("" or "/prefix"), from server.baseUrlPath."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def url_path(route: str) -> str:
    return f"{base_path()}/{route}"


def engine() -> Engine:
    """The routes' own engine for DATABASE_URL (the page scripts cache theirs in Streamlit)."""
    url = get_settings().url()
    with _lock:
        if url not in _engines:
            _engines[url] = open_database(url)
        return _engines[url]


def _same_origin(request: Request) -> bool:
    """A state-changing request must come from the app's own pages: a browser always sends
    Origin with a POST, and another site's is not ours. Behind a proxy that rewrites Host, the
    public origin is listed in server.corsAllowedOrigins."""
    origin = request.headers.get("origin", "").rstrip("/")
    host = request.headers.get("host", "")
    if not origin:
        return False
    listed = [o.rstrip("/") for o in config.get_option("server.corsAllowedOrigins") or []]
    return origin.split("://", 1)[-1] == host or origin in listed


def _https(request: Request) -> bool:
    client = request.client.host if request.client else None
    forwarded = forwarding.forwarded_hosts(request.headers.getlist("x-forwarded-for"))
    proto = request.headers.get("x-forwarded-proto")
    trusted = get_settings().proxy_networks()
    return forwarding.is_https(request.url.scheme, client, forwarded, proto, trusted)


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


async def start(request: Request) -> Response:
    """Trade a sign-in's one-time code (the request body) for the session cookie."""
    if not _same_origin(request):
        return _no_store(PlainTextResponse("Forbidden", status_code=403))
    code = (await request.body())[:MAX_CODE].decode("ascii", "replace").strip()
    token = await run_in_threadpool(lambda: sessions.hand_over(engine=engine(), code=code))
    if token is None:
        return _no_store(PlainTextResponse("Forbidden", status_code=403))
    response = Response(status_code=204)
    response.set_cookie(
        COOKIE,
        token,
        path=base_path() or "/",
        httponly=True,
        samesite="lax",
        secure=_https(request),
    )
    return _no_store(response)


async def end(request: Request) -> Response:
    """After sign-out: the session (if the cookie still names one) ends and the cookie goes."""
    if not _same_origin(request):
        return _no_store(PlainTextResponse("Forbidden", status_code=403))
    token = request.cookies.get(COOKIE)
    await run_in_threadpool(
        lambda: sessions.end_by_token(engine=engine(), token=token, reason="sign_out")
    )
    response = Response(status_code=204)
    response.delete_cookie(
        COOKIE, path=base_path() or "/", httponly=True, samesite="lax", secure=_https(request)
    )
    return _no_store(response)


def may_use_files(token: str | None) -> bool:
    """Downloads and uploads: for a valid session, or for anyone while the app runs open."""
    found = engine()
    if not users.has_users(engine=found):
        return True
    settings = get_settings()
    return sessions.is_valid(
        engine=found,
        token=token,
        idle_minutes=settings.session_idle_minutes,
        max_hours=settings.session_max_hours,
    )


class SignedInFiles:
    """ASGI middleware: a download or upload without a valid session cookie gets 403."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and self._guarded(scope.get("path", "")):
            token = Request(scope).cookies.get(COOKIE)
            if not await run_in_threadpool(may_use_files, token):
                response = _no_store(PlainTextResponse("Sign in first", status_code=403))
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    @staticmethod
    def _guarded(path: str) -> bool:
        return path.startswith(tuple(url_path(prefix) for prefix in GUARDED))


def routes() -> list[Route]:
    return [
        Route(url_path(START), start, methods=["POST"]),
        Route(url_path(END), end, methods=["POST"]),
    ]


def middleware() -> list[Middleware]:
    return [Middleware(SignedInFiles)]
