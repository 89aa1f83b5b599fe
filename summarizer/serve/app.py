"""The editor's workspace: a Starlette app over one output folder (see summarizer/serve/__init__.py).

Pages (Vietnamese, self-contained: inline CSS, inline script by nonce, inline SVG; no external asset):
  GET  /                      the folder: every briefing (the digest), filters, counts, uploads
  GET  /r/STEM                one briefing beside its source, with the editor's decisions
  POST /r/STEM/decisions      one decision (JSON: action, key, text, section, start, end)
  GET  /r/STEM/export.md|.docx|.json   the reviewed briefing
  POST /upload                new reports (multipart, field "files"): saved, queued, summarized
  GET  /jobs                  the uploaded reports' progress (JSON)
  GET  /trends?locality=…     indicators across periods for one locality
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from summarizer.core.schema import SECTIONS
from summarizer.render import html as html_render
from summarizer.render.markdown import KIND_LABELS, SECTION_TITLES, STATUS_LABELS
from summarizer.render.verification import verification_line
from summarizer.review import Decision, ReviewError, check, new_added_key, record, review_path
from summarizer.serve import export, trends
from summarizer.serve.jobs import SUFFIXES, Jobs, UploadRefused
from summarizer.serve.security import (CSRF, CSRF_COOKIE, BodyLimit, BodyTooLarge, SecurityHeaders, TokenGate,
                                       folder_secret, json_error, mib, too_large_response)
from summarizer.serve.workspace import Workspace, matches
from summarizer.source.read import MAX_INPUT_BYTES

TEMPLATES = Path(__file__).parent / "templates"
MAX_UPLOAD = MAX_INPUT_BYTES  # bytes per upload request: a report the pipeline reads is at most this
MAX_FILES = 20  # files per upload request
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
STATE_LABELS = {"queued": "đang chờ", "asking": "đang hỏi mô hình", "grounding": "đang đối chiếu với bài gốc",
                "done": "xong", "failed": "lỗi"}
ACTION_LABELS = {"accept": "giữ", "reject": "bỏ", "edit": "sửa", "move": "chuyển phần", "add": "thêm"}
PER_SECTION = 3  # items shown per section in the folder view


@dataclass
class Settings:
    folder: Path
    token: str | None
    max_upload: int


def create_app(folder: Path, config=None, *, token: str | None = None, loopback: bool = True,
               max_upload: int = MAX_UPLOAD, cache_factory=None, concurrency: int | None = None) -> Starlette:
    """The workspace app over `folder` (created if missing). `config` is the model configuration for
    uploads (summarizer.extract.client.ModelConfig; from the environment when None); `token`, when
    given, is required of every request (TokenGate); `loopback` restricts the Host header to the
    loopback names; `max_upload` bounds one upload request's body in bytes; `cache_factory` makes a
    batch's answer cache (summarizer.cache.AnswerCache, as the CLI; None: no cache).
    Raises ConfigError for an unusable model configuration."""
    from summarizer.extract.client import ModelConfig

    folder.mkdir(parents=True, exist_ok=True)
    workspace = Workspace(folder)
    jobs = Jobs(workspace.folder, config or ModelConfig.from_env(), cache_factory=cache_factory,
                concurrency=concurrency)
    templates = Jinja2Templates(env=jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True))
    templates.env.globals.update(SECTION_TITLES=SECTION_TITLES, STATE_LABELS=STATE_LABELS, ACTION_LABELS=ACTION_LABELS,
                                 quote=quote)
    settings = Settings(workspace.folder, token, max_upload)

    def page(request: Request, name: str, context: dict, status: int = 200) -> Response:
        context = {"nonce": request.state.nonce, "folder": settings.folder, **context}
        return templates.TemplateResponse(request, name, context, status_code=status)

    def not_found(request: Request, stem: str) -> Response:
        return page(request, "error.html", {"title": "Không tìm thấy", "message":
                    f"Thư mục này không có bản tóm tắt «{stem[:120]}». Chỉ các bản tóm tắt trong thư mục "
                    f"{settings.folder.name}/ mới mở được."}, status=404)

    # --- the folder --------------------------------------------------------------------------

    def folder_view(request: Request) -> Response:
        entries = workspace.entries()
        locality = request.query_params.get("locality") or None
        period = request.query_params.get("period") or None
        to_check = request.query_params.get("check") == "1"
        shown = [e for e in entries if matches(e, locality, period, to_check)]
        shown.sort(key=lambda e: (e.briefing.locality or "~", trends.period_order(e.briefing.period), e.stem))
        blocks = [_block(e) for e in shown]
        return page(request, "folder.html", {
            "blocks": blocks, "total": len(entries),
            "localities": sorted({e.briefing.locality for e in entries if e.briefing.locality}),
            "periods": sorted({e.briefing.period for e in entries if e.briefing.period}, key=trends.period_order),
            "locality": locality, "period": period, "to_check": to_check,
            "open_total": sum(e.reviewed.open_checks for e in shown),
            "trend_localities": trends.localities([e.briefing for e in entries]),
            "accept": ",".join(SUFFIXES), "kinds": ", ".join(SUFFIXES), "max_upload": mib(settings.max_upload),
        })

    def jobs_view(request: Request) -> Response:
        return JSONResponse({"jobs": [{**j, "label": STATE_LABELS[j["state"]]} for j in jobs.snapshot()]})

    async def upload(request: Request) -> Response:
        try:
            async with request.form(max_files=MAX_FILES, max_fields=5) as form:
                files = [f for f in form.getlist("files") if hasattr(f, "filename")]
                if not files:
                    return json_error("Chưa chọn tệp nào để tải lên.", 400)
                saved, refused = [], []
                for f in files:
                    data = await f.read()
                    if len(data) > MAX_INPUT_BYTES:
                        refused.append(f"Tệp «{f.filename}» quá lớn ({mib(len(data))}): tối đa {mib(MAX_INPUT_BYTES)}.")
                        continue
                    try:
                        saved.append(await run_in_threadpool(jobs.save, f.filename or "", data))
                    except UploadRefused as e:
                        refused.append(str(e))
                    except OSError as e:
                        refused.append(f"Không lưu được «{f.filename}»: {e.strerror or e}.")
        except BodyTooLarge as e:
            return too_large_response(e)
        except HTTPException as e:  # the form parser's: too many files or fields, a malformed body
            return json_error(f"Không đọc được nội dung tải lên: {str(e.detail).rstrip('.')}.", 400)
        queued = jobs.submit(saved) if saved else []
        status = 202 if queued else 400
        return JSONResponse({"jobs": [j.id for j in queued], "refused": refused,
                             "error": " ".join(refused) if not queued else None}, status_code=status)

    # --- one briefing ------------------------------------------------------------------------

    def briefing_view(request: Request) -> Response:
        stem = request.path_params["stem"]
        entry = workspace.entry(stem, with_source=True)
        if entry is None:
            return not_found(request, stem)
        doc = workspace.document(stem, entry.briefing)
        return page(request, "briefing.html", _briefing_context(entry, doc))

    async def decide(request: Request) -> Response:
        stem = request.path_params["stem"]
        try:
            body = await request.json()
            if not isinstance(body, dict):
                raise ValueError("not an object")
        except BodyTooLarge as e:
            return too_large_response(e)
        except ValueError:
            return json_error("Yêu cầu không đúng dạng (cần JSON).", 400)
        return await run_in_threadpool(_decide, stem, body)

    def _decide(stem: str, body: dict) -> Response:
        entry = workspace.entry(stem, with_source=True)
        if entry is None:
            return json_error(f"Thư mục này không có bản tóm tắt «{stem[:120]}».", 404)
        if body.get("action") == "add":
            body = {**body, "key": new_added_key()}
            doc = workspace.document(stem, entry.briefing)
            if doc is None:
                return json_error("Không có bài gốc để chọn đoạn: không thêm được mục.", 409)
        try:
            decision = Decision.model_validate(body)
            check(entry.reviewed, decision)
            if decision.action == "add":
                from summarizer.review import evidence_for

                evidence_for(doc.text, doc.sentences, decision.start, decision.end)  # refuses a bad span
                if not decision.text:
                    decision = decision.model_copy(update={"text": " ".join(doc.text[decision.start:decision.end].split())})
            elif (item := entry.reviewed.by_key(decision.key)) is not None and item.machine is not None:
                decision = decision.model_copy(update={"item_text": item.machine.text})
            record(review_path(entry.json_path), decision)
        except ReviewError as e:
            return json_error(f"Không ghi được quyết định: {e}", 400)
        except ValueError as e:  # pydantic's ValidationError is a ValueError
            first = e.errors()[0]["msg"] if hasattr(e, "errors") else str(e)
            return json_error(f"Quyết định không hợp lệ: {_decision_message(first)}", 400)
        return JSONResponse({"ok": True, "key": decision.key})

    def export_view(request: Request) -> Response:
        stem, fmt = request.path_params["stem"], request.path_params["fmt"]
        entry = workspace.entry(stem, with_source=True)
        if entry is None or fmt not in ("md", "docx", "json"):
            return not_found(request, f"{stem}.{fmt}")
        if fmt == "md":
            content, media = export.to_markdown(entry.reviewed).encode("utf-8"), "text/markdown; charset=utf-8"
        elif fmt == "json":
            content, media = export.to_json(entry.reviewed).encode("utf-8"), "application/json"
        else:
            content = export.to_docx(entry.reviewed)
            media = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        filename = f"{stem}.reviewed.{fmt}"
        ascii_name = "".join(c if c.isascii() and c.isalnum() or c in "._-" else "_" for c in filename)
        return Response(content, media_type=media, headers={
            "content-disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"})

    def trends_view(request: Request) -> Response:
        entries = workspace.entries()
        names = trends.localities([e.briefing for e in entries])
        locality = request.query_params.get("locality") or (names[0] if names else None)
        periods, indicators = ([], [])
        if locality:
            periods, indicators = trends.trends([(e.stem, list(e.reviewed.kept()), e.briefing) for e in entries], locality)
        rows = [{"label": i.label, "unit": i.unit, "chart": Markup(trends.svg_chart(i)),
                 "cells": [next((p for p in i.points if p.period == period), None) for period in periods]}
                for i in indicators]
        return page(request, "trends.html", {"localities": names, "locality": locality, "periods": periods,
                                             "rows": rows})

    def missing(request: Request) -> Response:
        rest = request.path_params.get("rest", "")
        if request.method == "POST":
            return json_error(f"Thư mục này không có bản tóm tắt «{rest[:120]}».", 404)
        return not_found(request, rest)

    routes = [
        Route("/", folder_view),
        Route("/jobs", jobs_view),
        Route("/upload", upload, methods=["POST"]),
        Route("/trends", trends_view),
        Route("/r/{stem}", briefing_view),
        Route("/r/{stem}/decisions", decide, methods=["POST"]),
        Route("/r/{stem}/export.{fmt}", export_view),
        Route("/r/{rest:path}", missing, methods=["GET", "POST"]),  # a stem with a separator in it: no such briefing, said plainly
        Route("/favicon.ico", lambda request: Response(status_code=204)),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if loopback:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS, www_redirect=False))
    if token:
        middleware.append(Middleware(TokenGate, token=token))
    middleware += [Middleware(BodyLimit, upload_limit=max_upload, upload_paths=("/upload",)),
                   Middleware(CSRF, secret=folder_secret(workspace.folder), cookie_samesite="strict",
                              cookie_name=CSRF_COOKIE)]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={BodyTooLarge: lambda request, e: too_large_response(e)})
    app.state.jobs = jobs
    app.state.workspace = workspace
    return app


# the decision validator's reasons (summarizer/review.py, English for the CLI and the logs) in Vietnamese
_DECISION_MESSAGES = {
    "the wording is empty": "nội dung trống (hoặc chỉ có ký tự điều khiển). Hãy nhập nội dung mục.",
    "an edit needs the new wording": "chưa có nội dung mới cho mục sửa.",
    "a move needs the section to move to": "chưa chọn phần để chuyển mục sang.",
    "an added item needs a section": "hãy chọn một đoạn trong bài gốc và phần để thêm mục.",
    "an added item's key": "mã mục thêm không đúng. Hãy tải lại trang rồi thử lại.",
}


def _decision_message(reason: str) -> str:
    """The validator's reason, in Vietnamese when known (without pydantic's "Value error, ")."""
    reason = reason.removeprefix("Value error, ")
    return next((vi for en, vi in _DECISION_MESSAGES.items() if reason.startswith(en)),
                "dữ liệu gửi lên không đúng. Hãy tải lại trang rồi thử lại.")


def _item_view(i, doc, section: str) -> dict:
    """What the page needs of one reviewed item."""
    m = i.machine
    return {
        "key": i.key, "text": i.text, "section": section, "state": i.state or "", "edited": i.edited,
        "origin": i.origin, "sentences": i.sentences, "marks": export.marks(i),
        "evidence_ids": " ".join(html_render.evidence_ids(i, doc)) if doc is not None and _ids_ok(i, doc) else "",
        "quote": " … ".join(e.text for e in i.evidence),
        "flag": (STATUS_LABELS.get(m.status) if m is not None and m.status != "grounded" else None),
        "problems": "; ".join(m.problems) if m is not None else "",
        "proposed": SECTION_TITLES.get(m.proposed) if m is not None and m.proposed and i.machine_section == "review" else None,
        "machine_text": m.text if m is not None and i.edited else None,
        "open": i.open_check, "rules": m is not None and m.found_by == "rules",
    }


def _ids_ok(item, doc) -> bool:
    return all(1 <= e.sentence <= len(doc.sentences) for e in item.evidence)


def _briefing_context(entry, doc) -> dict:
    r, b = entry.reviewed, entry.briefing
    sections = [{"id": s, "title": SECTION_TITLES[s], "rows": [_item_view(i, doc, s) for i in r.sections[s]]}
                for s in SECTIONS]
    return {
        "stem": entry.stem, "b": b, "lead": export.reviewed_lead(r), "sections": sections,
        "review": [_item_view(i, doc, i.machine.proposed or "review") for i in r.review],
        "rejected": [_item_view(i, doc, i.section) for i in r.rejected],
        "orphaned": r.orphaned, "open_checks": r.open_checks, "decided": r.decided,
        "people": [{"name": p.name, "titles": ", ".join(p.titles), "kind": KIND_LABELS[p.kind],
                    "flag": p.status != "grounded"} for p in b.people],
        "verification": verification_line(b.flags), "notes": b.flags.notes,
        "source": Markup(html_render.source_html(doc)) if doc is not None else None,
        "css": Markup(html_render.CSS), "highlight_js": Markup(html_render.JS),
        "section_choices": [(s, SECTION_TITLES[s]) for s in SECTIONS],
    }


def _block(entry) -> dict:
    """One report in the folder view: the reviewed items (first few per section), counts."""
    r, b = entry.reviewed, entry.briefing
    sections = []
    for s in SECTIONS:
        items = r.sections[s]
        sections.append({"title": SECTION_TITLES[s], "total": len(items),
                         "rows": [{"text": i.text, "marks": export.marks(i)} for i in items[:PER_SECTION]]})
    return {"stem": entry.stem, "title": b.title, "locality": b.locality, "period": b.period,
            "lead": export.reviewed_lead(r), "sections": sections, "open_checks": r.open_checks,
            "machine_flagged": entry.machine_flagged, "decided": r.decided, "rejected": len(r.rejected),
            "added": sum(i.origin == "editor" for _, i in r.kept()), "orphaned": len(r.orphaned)}
