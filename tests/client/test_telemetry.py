"""OpenTelemetry: a span per attempt (retries included) and the governor's metrics, seen by the
SDK's in-memory readers for a run with a throttle and a retry."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

pytest.importorskip("opentelemetry.sdk")

from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from intervals_async import IntervalsClient, NotFound, RetryPolicy
from intervals_async.governor import RateGovernor
from intervals_async.telemetry import instrument

from ..conftest import AutoClock

pytestmark = pytest.mark.anyio

URL = "https://api.myintervals.com"
_TOKEN = "tok12345678"


def _answer(status: int, code: int | None = None, **headers: str) -> httpx.Response:
    body: dict[str, Any] = {"personid": "1", "status": "x", "code": status}
    if code is not None:
        body["error"] = {"code": code, "message": "m", "verbose": []}
    else:
        body |= {"listcount": "1", "time": [{"id": "5", "time": "1", "date": "2026-01-05"}]}
    return httpx.Response(status, json=body, headers=headers)


def _points(reader: InMemoryMetricReader) -> dict[str, list[Any]]:
    data = reader.get_metrics_data()
    found: dict[str, list[Any]] = {}
    for resource in data.resource_metrics if data is not None else ():  # None: no point at all
        for scope in resource.scope_metrics:
            assert scope.scope.name == "intervals_async"
            for metric in scope.metrics:
                found.setdefault(metric.name, []).extend(metric.data.data_points)
    return found


async def test_a_throttle_and_a_retry_are_seen_as_spans_and_metrics(
    auto_clock: AutoClock,
) -> None:
    spans, reader = InMemorySpanExporter(), InMemoryMetricReader()
    tracing = TracerProvider()
    tracing.add_span_processor(SimpleSpanProcessor(spans))
    metering = MeterProvider(metric_readers=[reader])
    governor = RateGovernor(clock=auto_clock)
    async with IntervalsClient(
        _TOKEN,
        governor=governor,
        clock=auto_clock,
        retry=RetryPolicy(attempts=4),
        quota_sync=None,
        account="acme",
    ) as client:
        instrument(client, tracer_provider=tracing, meter_provider=metering)
        with respx.mock(base_url=URL) as mock:
            mock.get("/time/").mock(
                side_effect=[
                    _answer(400, 12, **{"Retry-After": "2"}),  # too fast: a throttle
                    _answer(503, 1),  # a server error: retried
                    _answer(200),
                ]
            )
            mock.get("/time/9/").mock(return_value=_answer(404, 14))
            page = await client.time.list(limit=1)
            with pytest.raises(NotFound):
                await client.time.get(9)
    assert [e.id for e in page.items] == [5]

    finished = spans.get_finished_spans()
    seen: list[dict[str, Any]] = [dict(s.attributes or {}) for s in finished]
    assert [s.name for s in finished] == ["GET /time/"] * 4
    assert [s["intervals.attempt"] for s in seen] == [1, 2, 3, 1]
    assert [s["http.response.status_code"] for s in seen] == [400, 503, 200, 404]
    assert [s.get("intervals.error.code") for s in seen] == [12, 1, None, 14]
    assert [s.get("error.type") for s in seen] == [
        "RequestsTooFast",
        "ServerError",
        None,
        "NotFound",
    ]
    assert [s.status.status_code for s in finished] == [
        StatusCode.ERROR,
        StatusCode.ERROR,
        StatusCode.UNSET,
        StatusCode.ERROR,
    ]
    for span, attributes in zip(finished, seen, strict=True):
        assert attributes["intervals.resource"] == "time"
        assert attributes["intervals.account"] == "acme"
        assert attributes["intervals.governor.waited"] >= 0
        assert _TOKEN not in str(attributes) and "9/" not in span.name

    points = _points(reader)
    attempts = {
        (p.attributes["http.response.status_code"], p.attributes["http.request.method"]): p.value
        for p in points["intervals.client.attempts"]
    }
    assert attempts == {(400, "GET"): 1, (503, "GET"): 1, (200, "GET"): 1, (404, "GET"): 1}
    retries = {p.attributes["error.type"]: p.value for p in points["intervals.client.retries"]}
    assert retries == {"RequestsTooFast": 1, "ServerError": 1}
    (throttles,) = points["intervals.governor.throttles"]
    assert throttles.value == 1 and throttles.attributes == {"intervals.account": "acme"}
    (wait,) = points["intervals.governor.wait"]
    waited = sum(s["intervals.governor.waited"] for s in seen)
    assert wait.count == 4 and wait.sum == pytest.approx(waited)
    (day,) = points["intervals.governor.day.used"]
    assert day.value == 4 and day.attributes == {"intervals.account": "acme"}
    (limit,) = points["intervals.governor.day.limit"]
    assert limit.value == (await governor.statistics(account="acme")).day_limit
    (window,) = points["intervals.governor.window.used"]
    assert window.value == (await governor.statistics(account="acme")).window_used > 0


async def test_an_uninstrumented_client_reports_nothing(auto_clock: AutoClock) -> None:
    spans, reader = InMemorySpanExporter(), InMemoryMetricReader()
    tracing = TracerProvider()
    tracing.add_span_processor(SimpleSpanProcessor(spans))
    metering = MeterProvider(metric_readers=[reader])
    async with IntervalsClient(_TOKEN, clock=auto_clock, quota_sync=None) as watched:
        instrument(watched, tracer_provider=tracing, meter_provider=metering)
        async with IntervalsClient(_TOKEN, clock=auto_clock, quota_sync=None) as other:
            with respx.mock(base_url=URL) as mock:
                mock.get("/time/").mock(return_value=_answer(200))
                await other.time.list(limit=1)
    assert spans.get_finished_spans() == ()
    assert "intervals.client.attempts" not in _points(reader)
