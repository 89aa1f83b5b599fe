"""What keeps the workspace safe by default (ASGI middleware around the Starlette app).

- Loopback only unless told otherwise: `summarizer serve` binds 127.0.0.1, and there the Host header
  must name the loopback (Starlette's TrustedHostMiddleware), so a web page cannot reach the
  workspace through a name it controls (DNS rebinding).
- With `--host`, a token is required (`TokenGate`): `?token=…` once (the server prints that address),
  then an HttpOnly, SameSite=Lax cookie (Lax, so that the printed link still works when followed
  from a chat or a webmail: a Strict cookie is not sent on a navigation begun on another site; the
  changes stay protected by the CSRF token below); or `Authorization: Bearer …`.
- Requests that change anything (POST) must carry the CSRF token of the double-submit cookie in the
  `x-csrftoken` header (starlette-csrf; the page's script copies it from the cookie), which a page
  of another site can neither read nor send.
- Bodies are size-limited before they are read (`BodyLimit`): an upload by its Content-Length
  (and, while streamed, by what has arrived), a decision to a few kilobytes.
- Every page gets a Content-Security-Policy allowing only its own inline script (by nonce) and the
  same origin, and no framing (`SecurityHeaders`).
"""

from __future__ import annotations

import http.cookies
import os
import secrets
from pathlib import Path
from urllib.parse import urlencode

from starlette.datastructures import URL, MutableHeaders
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette_csrf import CSRFMiddleware

TOKEN_COOKIE = "summarizer_token"
CSRF_COOKIE = "csrftoken"
CSRF_HEADER = "x-csrftoken"
SECRET_FILE = ".summarizer-serve.secret"  # hidden: the workspace lists no hidden file as a briefing


def folder_secret(folder: Path) -> str:
    """The key the CSRF cookies of the workspace over `folder` are signed with, kept in
    FOLDER/.summarizer-serve.secret (mode 0600, made on first use), so that a restarted `serve` on
    the same folder accepts the cookie the browser already holds. When the file cannot be read or
    made (a read-only folder), a key for this process only: the page then recovers by a reload."""
    path = folder / SECRET_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
        if len(text) >= 32:
            return text
    except (OSError, UnicodeDecodeError):
        pass
    secret = secrets.token_urlsafe(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secret + "\n")
        os.chmod(path, 0o600)  # an older file of wider mode is narrowed too
    except OSError:
        pass
    return secret


def mib(n: int) -> str:
    return f"{n / 2**20:.1f}".rstrip("0").rstrip(".") + " MiB"


def size_text(n: int) -> str:
    """A size as an editor reads it: bytes or KiB below a MiB (a decision's limit is 64 KiB)."""
    if n < 1024:
        return f"{n} byte"
    if n < 2**20:
        return f"{n / 1024:.1f}".rstrip("0").rstrip(".") + " KiB"
    return mib(n)


class BodyTooLarge(Exception):
    """A request body longer than its limit (see BodyLimit); `upload` tells an upload from a
    decision, whose message must not speak of files."""

    def __init__(self, limit: int, size: int | None = None, upload: bool = True) -> None:
        super().__init__(limit, size)
        self.limit, self.size, self.upload = limit, size, upload

    def message(self) -> str:
        size = f" (gửi {size_text(self.size)})" if self.size else ""
        if not self.upload:
            return (f"Yêu cầu quá lớn{size}: tối đa {size_text(self.limit)}. Hãy rút ngắn nội dung "
                    "(mỗi mục chỉ cần vài câu).")
        return f"Tệp tải lên quá lớn{size}: mỗi lần tải tối đa {mib(self.limit)}. Hãy tải từng tệp, hoặc tách báo cáo."


def too_large_response(e: BodyTooLarge) -> Response:
    return JSONResponse({"error": e.message()}, status_code=413)


class BodyLimit:
    """Refuses a POST whose body is longer than its limit: `upload_limit` for the paths in
    `upload_paths`, `form_limit` for the rest. A declared Content-Length over it is answered 413 at
    once, before any byte is read; a body that grows past it while streamed raises BodyTooLarge in
    the endpoint (answered 413 by the app's handler)."""

    def __init__(self, app, upload_limit: int, form_limit: int = 64 * 1024, upload_paths=("/upload",)) -> None:
        self.app, self.upload_limit, self.form_limit, self.upload_paths = app, upload_limit, form_limit, upload_paths

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        upload = scope["path"] in self.upload_paths
        limit = self.upload_limit if upload else self.form_limit
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = limit + 1
            if size > limit:
                await too_large_response(BodyTooLarge(limit, size, upload))(scope, receive, send)
                return
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit, received, upload)
            return message

        await self.app(scope, counted, send)


class TokenGate:
    """With a token (the server was bound to another address than the loopback), every request must
    show it: as `?token=` (a GET with it is redirected to the same address without it, setting the
    cookie), as the cookie, or as `Authorization: Bearer TOKEN`. Otherwise 401 with a page saying
    where the token comes from."""

    def __init__(self, app, token: str) -> None:
        self.app, self.token = app, token

    def _ok(self, value: str | None) -> bool:
        return bool(value) and secrets.compare_digest(value.encode(), self.token.encode())

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = request.query_params.get("token")
        if self._ok(given) and request.method == "GET":
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = URL(scope=scope).replace(query=urlencode(rest))
            response = RedirectResponse(f"{target.path}{'?' + target.query if target.query else ''}", status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="lax")
            await response(scope, receive, send)
            return
        bearer = request.headers.get("authorization", "")
        if (self._ok(request.cookies.get(TOKEN_COOKIE)) or self._ok(given)
                or (bearer.startswith("Bearer ") and self._ok(bearer[7:]))):
            await self.app(scope, receive, send)
            return
        await HTMLResponse(
            "<!doctype html><html lang=vi><meta charset=utf-8><title>Cần mã truy cập</title>"
            "<h1>Cần mã truy cập</h1><p>Máy chủ này mở cho mạng nên cần mã truy cập. Hãy mở đúng địa chỉ có "
            "<code>?token=…</code> mà lệnh <code>summarizer serve</code> đã in ra.</p>", status_code=401,
            headers={"www-authenticate": "Bearer"})(scope, receive, send)


class CSRF(CSRFMiddleware):
    """starlette-csrf's double-submit cookie, SameSite=Strict, refusing in Vietnamese.

    Unlike starlette-csrf, which sets the cookie only when none is sent, a cookie this workspace did
    not sign (one of another `serve` on another port or folder: browsers do not keep cookies apart by
    port; or of a process with another key) is replaced on every response, the refusal included, so
    that reloading the page (or simply trying again) always recovers."""

    def _signed_here(self, value: str) -> bool:
        # the parent's check, of the cookie against itself: true exactly when this key signed it
        return self._csrf_tokens_match(value, value)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def renewing(message):
            if message["type"] == "http.response.start":
                value = Request(scope).cookies.get(self.cookie_name)
                if value is None or not self._signed_here(value):
                    message.setdefault("headers", [])
                    cookie: http.cookies.BaseCookie = http.cookies.SimpleCookie()
                    cookie[self.cookie_name] = self._generate_csrf_token()
                    cookie[self.cookie_name]["path"] = self.cookie_path
                    cookie[self.cookie_name]["samesite"] = self.cookie_samesite
                    MutableHeaders(scope=message).append("set-cookie", cookie.output(header="").strip())
            await send(message)

        # the parent's own setter only acts when no cookie was sent; this one covers the rest
        await super().__call__(scope, receive, renewing)

    async def send(self, message, send, scope) -> None:
        await send(message)  # the cookie is set by `renewing` above, once

    def _get_error_response(self, request: Request) -> Response:
        message = ("Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại; "
                   "chỉ trang của không gian làm việc mới gửi được thay đổi.")
        return JSONResponse({"error": message}, status_code=403)  # every change is sent by the page's script


class SecurityHeaders:
    """A per-response script nonce (scope["state"]["nonce"], for the templates) and the headers that
    keep a page to itself: CSP, no framing, no sniffing, no referrer."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = secrets.token_urlsafe(16)
        scope.setdefault("state", {})["nonce"] = nonce
        policy = (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; img-src 'self' data:; "
                  "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"content-security-policy", policy.encode()), (b"x-frame-options", b"DENY"),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"cache-control", b"no-store")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def json_error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


