"""A fake OpenAI-compatible server (stdlib only) for tests that run the real `openai` SDK over real HTTP.

Serves `POST /v1/chat/completions` and `POST /v1/embeddings` (and the Azure paths
`/openai/deployments/<name>/...`) on 127.0.0.1 at a free port. Chat answers follow a script: each request takes
the next behaviour from `script(...)`, and `default` answers once the script is used up; `embeddings_fault`, when
set, answers every embeddings request (a whole endpoint that is slow, rate-limited or broken). Every request is
logged (path, headers without credentials, body, arrival time) so tests can assert on what left the client.
"""

import base64
import hashlib
import json
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakes.schema_instance import instance_for

SECRET_HEADERS = {"authorization", "api-key"}


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON; str -> sent as is
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (to outlast a client timeout)


Behaviour = Callable[[dict[str, Any]], Reply]


@dataclass(frozen=True)
class RecordedRequest:
    path: str
    headers: dict[str, str]  # lower-cased names, credentials removed
    had_credentials: bool
    body_text: str
    at: float = field(default_factory=time.monotonic)  # arrival, to measure the client's retry delays

    @property
    def json(self) -> Any:
        return json.loads(self.body_text)

    @property
    def kind(self) -> str:
        return "chat" if self.path.split("?")[0].endswith("/chat/completions") else "embeddings"


class FakeOpenAI:
    def __init__(self, embedding_dim: int = 8) -> None:
        self.embedding_dim = embedding_dim
        self.requests: list[RecordedRequest] = []
        self.default: Behaviour = valid()
        self.embeddings_fault: Behaviour | None = None
        self._script: deque[Behaviour] = deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-openai", daemon=True
        )

    # -- lifecycle ------------------------------------------------------------------------------------------
    def start(self) -> "FakeOpenAI":
        self._thread.start()
        return self

    def close(self) -> None:
        self._stop.set()  # wakes slow answers
        self._server.shutdown()
        self._server.server_close()

    @property
    def root_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return self.root_url + "/v1"

    # -- scripting and inspection ---------------------------------------------------------------------------
    def script(self, *behaviours: Behaviour) -> None:
        with self._lock:
            self._script.extend(behaviours)

    def reset(self) -> None:
        with self._lock:
            self._script.clear()
            self.requests.clear()
        self.default = valid()

    @property
    def chat_calls(self) -> int:
        return sum(r.kind == "chat" for r in self.requests)

    @property
    def embedding_calls(self) -> int:
        return sum(r.kind == "embeddings" for r in self.requests)

    def payloads(self) -> list[str]:
        """Every request body exactly as received."""
        return [r.body_text for r in self.requests]

    # -- serving --------------------------------------------------------------------------------------------
    def _answer(self, path: str, headers: dict[str, str], body_text: str) -> Reply:
        clean = {k: v for k, v in headers.items() if k not in SECRET_HEADERS}
        record = RecordedRequest(path, clean, len(clean) != len(headers), body_text)
        with self._lock:
            self.requests.append(record)
            behaviour = self._script.popleft() if record.kind == "chat" and self._script else None
        try:
            request = json.loads(body_text or "{}")
        except ValueError:
            return Reply(400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}})
        if path.split("?")[0].endswith("/embeddings"):
            return self.embeddings_fault(request) if self.embeddings_fault else self._embeddings(request)
        if not path.split("?")[0].endswith("/chat/completions"):
            return Reply(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
        return (behaviour or self.default)(request)

    def _embeddings(self, request: dict[str, Any]) -> Reply:
        inputs = request["input"] if isinstance(request["input"], list) else [request["input"]]
        data = []
        for i, text in enumerate(inputs):
            vector = _vector(str(text), self.embedding_dim)
            if request.get("encoding_format") == "base64":
                encoded: Any = base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
            else:
                encoded = vector
            data.append({"object": "embedding", "index": i, "embedding": encoded})
        tokens = sum(len(str(t).split()) for t in inputs)
        usage = {"prompt_tokens": tokens, "total_tokens": tokens}
        return Reply(body={"object": "list", "data": data, "model": request.get("model"), "usage": usage})


def _vector(text: str, dim: int) -> list[float]:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    raw = [(digest[i % len(digest)] - 127.5) / 127.5 for i in range(dim)]
    norm = sum(v * v for v in raw) ** 0.5 or 1.0
    return [v / norm for v in raw]


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body_text = self.rfile.read(length).decode("utf-8")
            headers = {k.lower(): v for k, v in self.headers.items()}
            reply = fake._answer(self.path, headers, body_text)
            if reply.delay and fake._stop.wait(reply.delay):
                return  # shutting down
            payload = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
            data = payload.encode("utf-8")
            try:
                self.send_response(reply.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout): what a real server sees too

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

    return Handler


# -- behaviours ---------------------------------------------------------------------------------------------
def completion(request: dict[str, Any], content: str | None, *, refusal: str | None = None) -> Reply:
    prompt_tokens = len(json.dumps(request.get("messages", []))) // 4
    usage = {"prompt_tokens": prompt_tokens, "completion_tokens": len(content or refusal or "") // 4}
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    message = {"role": "assistant", "content": content, "refusal": refusal}
    choice = {"index": 0, "finish_reason": "stop", "logprobs": None, "message": message}
    body = {
        "id": f"chatcmpl-fake-{time.monotonic_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "fake"),
        "choices": [choice],
        "usage": usage,
    }
    return Reply(body=body)


def schema_of(request: dict[str, Any]) -> dict[str, Any]:
    return request["response_format"]["json_schema"]["schema"]


def valid(edit: Callable[[dict[str, Any]], None] | None = None) -> Behaviour:
    """A schema-conforming answer quoting the request's verbatims; `edit` may alter it before it is sent."""

    def behaviour(request: dict[str, Any]) -> Reply:
        answer = instance_for(schema_of(request), request)
        if edit is not None:
            edit(answer)
        return completion(request, json.dumps(answer, ensure_ascii=False))

    return behaviour


def fabricated_quote(text: str = "The agent took my money and laughed, this happens every single day") -> Behaviour:
    def edit(answer: dict[str, Any]) -> None:
        answer["quotes"][0]["text"] = text

    return valid(edit)


def slow(seconds: float) -> Behaviour:
    def behaviour(request: dict[str, Any]) -> Reply:
        return Reply(body=valid()(request).body, delay=seconds)

    return behaviour


def error(status: int, retry_after: str | None = None) -> Behaviour:
    kind = {429: "rate_limit_exceeded", 401: "invalid_api_key"}.get(status, "server_error")
    headers = {"retry-after": retry_after} if retry_after is not None else {}
    return lambda request: Reply(status, {"error": {"message": kind, "type": kind, "code": kind}}, headers)


def garbage(status: int = 200) -> Behaviour:
    """Not JSON at all: what a misconfigured proxy or gateway sends (an HTML page)."""
    return lambda request: Reply(status, "<html><body><h1>502 Bad Gateway</h1></body></html>")


def unused_url() -> str:
    """The URL of an endpoint that is down: a loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def invalid_json() -> Behaviour:
    return lambda request: completion(request, '{"title": "Unfinished answer", "quotes": [')


def schema_mismatch() -> Behaviour:
    return lambda request: completion(request, json.dumps({"headline": "valid JSON, wrong shape"}))


def refusal(text: str = "I'm sorry, but I can't help with that request.") -> Behaviour:
    return lambda request: completion(request, None, refusal=text)
