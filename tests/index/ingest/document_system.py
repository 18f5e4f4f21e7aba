"""A stand-in for the UN Official Document System on loopback: it answers
`/api/symbol/access?s=SYMBOL&l=LANG&t=pdf` as ODS does, or as it fails."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

WEB_PAGE = b"<!DOCTYPE html><html><body><h1>Document not found</h1></body></html>"


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/pdf"
    location: str | None = None
    hang: bool = False


class DocumentSystem(BaseHTTPRequestHandler):
    # (symbol, language) → the answers to its successive requests, the last one repeated.
    versions: ClassVar[dict[tuple[str, str], list[Answer]]] = {}
    files: ClassVar[dict[str, bytes]] = {}
    asked: ClassVar[list[tuple[str, str]]] = []
    released = threading.Event()

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path in self.files:
            self._answer(Answer(body=self.files[parts.path]))
            return
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        if parts.path != "/api/symbol/access" or query.get("t") != "pdf":
            self._answer(Answer(400, b"bad request", "text/plain"))
            return
        version = (query["s"], query["l"])
        self.asked.append(version)
        answers = self.versions.get(version, [Answer(404, WEB_PAGE, "text/html")])
        self._answer(answers.pop(0) if len(answers) > 1 else answers[0])

    def _answer(self, answer: Answer) -> None:
        if answer.hang:
            # Until the client gives up and the test ends: then the connection is just closed.
            self.released.wait(10)
            return
        self.send_response(answer.status)
        if answer.location is not None:
            self.send_header("Location", answer.location)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests say what matters."""


@contextmanager
def running_document_system() -> Iterator[str]:
    """The stand-in, serving nothing yet (see serve), and its base address."""
    DocumentSystem.versions = {}
    DocumentSystem.files = {}
    DocumentSystem.asked = []
    DocumentSystem.released.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), DocumentSystem)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        DocumentSystem.released.set()
        server.shutdown()
        server.server_close()


def serve(symbol: str, lang: str, *answers: Answer) -> None:
    """The answers to successive requests for one version; the last one is repeated."""
    DocumentSystem.versions[(symbol, lang)] = list(answers)
