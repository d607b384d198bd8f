"""What the client costs on top of plain httpx, and how fast it decodes records.

Run: ``.venv/bin/python -m benchmarks.bench_client`` (prints one JSON object per line).

- ``decode``: records per second from the bytes of a 10,000-entry ``/time/`` page to ``Time``
  models, by the page decoder ``list()`` uses (``decode_page``) and by the general path
  (``json.loads``, then the converter per record), against ``json.loads`` alone and against
  msgspec decoding the same bytes into plain structs of strings (``ratio_to_msgspec``: the
  target is at least 0.45, the goal 0.5).
- ``overhead``: CPU seconds per request of ``client.time.list(limit=100)`` and of
  ``client.time.get(id)`` (the governor in memory, validation, retry loop, decode to models)
  against ``httpx`` + ``json.loads`` on the same in-memory transport and the same body (the
  target: at most 1.5x each).
- ``iterate``: requests an iteration of the seeded sandbox's time entries costs, against the
  minimum ceil(N / page size) + 0.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import httpx
import msgspec

from intervals_async import IntervalsClient
from intervals_async._convert import decode_page, structure
from intervals_async.governor import Limits, MemoryStore, RateGovernor, Unmetered
from intervals_async.models import Time
from intervals_async.sandbox import DataSize, Sandbox, SandboxConfig
from intervals_async.sandbox._render import render_record

BASE = "https://api.sandbox.invalid/"


def _time_page(n: int) -> bytes:
    """A realistic ``/time/`` page of ``n`` records, rendered as the sandbox renders them."""
    sandbox = Sandbox(SandboxConfig(seed=1))
    account = sandbox.accounts["demo"]
    spec_records = list(account.table("time").values())
    from intervals_async.resources import resource

    spec = resource("time")
    assert spec is not None
    views = [
        render_record(sandbox._routes._shown(account, spec, r, member=False)) for r in spec_records
    ]
    records = [{**views[i % len(views)], "id": str(10_000_000 + i)} for i in range(n)]
    return json.dumps(
        {"personid": 1, "status": "OK", "code": 200, "listcount": n, "time": records}
    ).encode()


def _best(function: Any, repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        timings.append(time.process_time() - start)
    return min(timings)


def _msgspec_decoder(body: bytes) -> Any:
    """msgspec decoding the same bytes into plain structs: every field a string (or null)."""
    names = sorted({key for record in json.loads(body)["time"] for key in record})
    wire = msgspec.defstruct("TimeWire", [(n, str | None, None) for n in names])
    envelope = msgspec.defstruct("TimeEnvelope", [("time", list[wire])])  # type: ignore[valid-type]
    return msgspec.json.Decoder(envelope)


def bench_decode() -> dict[str, Any]:
    body = _time_page(10_000)
    plain = _best(lambda: json.loads(body))
    decoder = _msgspec_decoder(body)
    reference = _best(lambda: decoder.decode(body))
    page = _best(lambda: decode_page(body, "time", Time))
    general = _best(lambda: [structure(r, Time) for r in json.loads(body)["time"]])
    # The same page with one key the models do not know: the page decoder declines it, and the
    # general path decodes it (keeping the key in `extra`).
    unknown = body.replace(b'"dateiso"', b'"notinthedocs"', 1)
    declined = _best(lambda: decode_page(unknown, "time", Time))
    return {
        "bench": "decode",
        "records": 10_000,
        "models_per_s": round(10_000 / page),
        "general_models_per_s": round(10_000 / general),
        "json_loads_records_per_s": round(10_000 / plain),
        "msgspec_structs_per_s": round(10_000 / reference),
        "ratio_to_msgspec": round(reference / page, 3),
        "general_ratio_to_msgspec": round(reference / general, 3),
        "ratio_to_json_loads": round(plain / page, 3),
        "page_with_unknown_key_declined_ms": round(declined * 1000, 1),
    }


async def bench_overhead(n: int = 300, rounds: int = 9) -> dict[str, Any]:
    """``list(limit=100)`` and ``get(id)`` against httpx + ``json.loads`` of the same answers:
    CPU per call, in ``rounds`` rounds of ``n`` calls that alternate the two, so that both see
    the same moments of a shared machine; the median of the rounds' ratios."""
    body = _time_page(100)
    one = json.loads(body)
    one["time"] = one["time"][:1]
    member = json.dumps(one).encode()

    def answer(request: httpx.Request) -> httpx.Response:
        content = body if request.url.path == "/time/" else member
        return httpx.Response(200, content=content, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(answer)
    # The full stack: the governor in memory (limits raised, so it measures its cost, not its
    # waits), the retry loop, validation, the transport and the decode to models.
    limits = Limits(per_minute=10**9, burst=10**9, daily=10**9, pace=1.0)
    governor = RateGovernor(store=MemoryStore(limits))

    async def timed(call: Callable[[], Awaitable[object]]) -> float:
        start = time.process_time()
        for _ in range(n):
            await call()
        return (time.process_time() - start) / n

    figures: dict[str, list[float]] = {"plain": [], "ours": [], "plain_get": [], "ours_get": []}
    async with (
        httpx.AsyncClient(transport=transport, base_url=BASE, auth=("t", "X")) as http,
        IntervalsClient(
            "t", base_url=BASE, transport=transport, governor=governor, quota_sync=None
        ) as client,
    ):

        async def plain() -> None:
            json.loads((await http.get("/time/", params={"limit": "100"})).content)

        async def plain_get() -> None:
            json.loads((await http.get("/time/10000000/")).content)

        async def ours() -> None:
            await client.time.list(limit=100)

        async def ours_get() -> None:
            await client.time.get(10_000_000)

        calls = {"plain": plain, "ours": ours, "plain_get": plain_get, "ours_get": ours_get}
        for call in calls.values():  # warm up
            for _ in range(50):
                await call()
        for _ in range(rounds):
            for name, call in calls.items():
                figures[name].append(await timed(call))

    def ratio_of(ours: str, plain: str) -> float:
        return statistics.median(o / p for o, p in zip(figures[ours], figures[plain], strict=True))

    ratio, get_ratio = ratio_of("ours", "plain"), ratio_of("ours_get", "plain_get")
    return {
        "bench": "overhead",
        "page": 100,
        "httpx_json_ms": round(statistics.median(figures["plain"]) * 1000, 3),
        "client_ms": round(statistics.median(figures["ours"]) * 1000, 3),
        "ratio": round(ratio, 2),
        "get_httpx_json_ms": round(statistics.median(figures["plain_get"]) * 1000, 3),
        "get_client_ms": round(statistics.median(figures["ours_get"]) * 1000, 3),
        "get_ratio": round(get_ratio, 2),
    }


async def bench_iterate() -> dict[str, Any]:
    sandbox = Sandbox(SandboxConfig(seed=1, size=DataSize(time_entries=5000)))
    rows = []
    for page_size in (100, 500):
        async with IntervalsClient(
            sandbox.token(),
            base_url=BASE,
            transport=sandbox.transport(f"10.0.0.{page_size % 250}"),
            governor=(governor := Unmetered()),
            page_size=page_size,
        ) as client:
            count = sum([1 async for _ in client.time.iterate()])
        rows.append(
            {
                "page_size": page_size,
                "records": count,
                "requests": governor.acquired,
                "minimum": math.ceil(count / page_size),
            }
        )
    return {"bench": "iterate", "runs": rows}


async def main() -> None:
    print(json.dumps(bench_decode()))
    print(json.dumps(await bench_overhead()))
    print(json.dumps(await bench_iterate()))


if __name__ == "__main__":
    anyio.run(main)
