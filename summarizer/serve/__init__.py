"""`summarizer serve [DIR]`: an editor's workspace over an output folder, in the browser.

The folder's briefings (the digest, with filters and counts), one briefing beside its source with
the editor's decisions (accept, reject, edit, move, add; kept in NAME.review.jsonl, never in the
machine's NAME.json), uploads of new reports summarized by the CLI's batch runner, exports of the
reviewed briefing (Markdown, Word, JSON) and trends across periods. Starlette with Jinja2 templates,
served by uvicorn; the `[serve]` extra. See app.py for the pages and security.py for what keeps it
safe by default.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from collections.abc import Callable
from pathlib import Path

DEFAULT_PORT = 8765
SHORT_TOKEN = 16  # characters: a shorter token given with --token is warned about (the default has 32)


def missing_extra() -> str | None:
    """Why the workspace cannot start here (the [serve] extra is not installed), or None."""
    try:
        import jinja2  # noqa: F401
        import python_multipart  # noqa: F401  (Starlette's form parser)
        import starlette  # noqa: F401
        import starlette_csrf  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as e:
        return (f"the workspace needs the [serve] extra ({e.name} is not installed): "
                "pip install -e '.[serve]' -c constraints.txt")
    return None


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port (port 0: any free port). Raises OSError (port in use …)."""
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:  # a host name
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def reachable_hosts(address: str) -> list[str]:
    """The host names to print for a server bound to `address`, as a browser elsewhere would type
    them: the address itself, or, for an unspecified one (0.0.0.0, ::), which no browser can open,
    the machine's host name and each of its non-loopback addresses that can be found."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return [address]
    if not ip.is_unspecified:
        return [address]
    family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    found: list[str] = []
    hostname = socket.gethostname()
    if hostname:
        found.append(hostname)
    try:
        infos = socket.getaddrinfo(hostname, None, family, socket.SOCK_STREAM)
    except OSError:
        infos = []
    candidates = [info[4][0] for info in infos]
    try:  # the address of the default route's interface: connecting a UDP socket sends nothing
        with socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1" if family == socket.AF_INET else "2001:db8::1", 9))
            candidates.append(probe.getsockname()[0])
    except OSError:
        pass
    for candidate in candidates:
        try:
            if ipaddress.ip_address(candidate.split("%")[0]).is_loopback:
                continue
        except ValueError:
            continue
        if candidate not in found:
            found.append(candidate)
    return found or ["127.0.0.1"]


def run(folder: Path, *, host: str | None = None, port: int = DEFAULT_PORT, token: str | None = None,
        config=None, max_upload: int | None = None, cache: bool = True, concurrency: int | None = None,
        echo: Callable[[str], None] = print) -> None:
    """Serve the workspace over `folder` until interrupted. Bound to 127.0.0.1 (and only answering
    to loopback host names) unless `host` is given; then a token is required (`token`, or a random
    one), and the address printed carries it. Raises OSError when the address cannot be bound,
    ConfigError for an unusable model configuration."""
    import uvicorn

    from summarizer.serve.app import MAX_UPLOAD, create_app

    if host is not None and not token:
        token = secrets.token_urlsafe(24)
    elif host is not None and len(token) < SHORT_TOKEN:
        echo(f"warning: the token is {len(token)} characters long; anyone on the network who guesses it can "
             f"read and change the folder: use at least {SHORT_TOKEN} random characters, or leave --token out")
    address = host or "127.0.0.1"
    cache_factory = None
    if cache:
        from summarizer.cache import AnswerCache

        cache_factory = AnswerCache
    app = create_app(folder, config, token=token if host is not None else None, loopback=host is None,
                     max_upload=max_upload or MAX_UPLOAD, cache_factory=cache_factory, concurrency=concurrency)
    sock = bind(address, port)
    urls = []
    for name in reachable_hosts(address):
        shown = f"[{name}]" if ":" in name else name
        urls.append(f"http://{shown}:{sock.getsockname()[1]}/" + (f"?token={token}" if host is not None else ""))
    echo(f"workspace on {urls[0]} (folder {Path(folder).resolve()}); Ctrl-C stops it")
    for url in urls[1:]:
        echo(f"  also on {url}")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
    try:
        server.run(sockets=[sock])
    finally:
        app.state.jobs.close()
        sock.close()
