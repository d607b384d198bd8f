"""OpenTelemetry for the client and its governor: a span per request attempt, and metrics.

    from intervals_async.telemetry import instrument

    client = IntervalsClient()
    instrument(client)          # the global providers, or tracer_provider=/meter_provider=

It needs the ``otel`` extra (``pip install 'intervals-async[otel]'``, which brings
``opentelemetry-api`` only): without an SDK set up by the application, every span and point is a
no-op. Instrument a client before taking `IntervalsClient.with_options` views of it (a view
copies the client as it is).

Each attempt (retries included) is a span ``GET /time/`` (the resource, never an id or a query):
``intervals.resource``, ``intervals.attempt``, ``intervals.account``,
``intervals.governor.waited`` (seconds waited for a slot), ``http.request.method``,
``http.response.status_code``, ``intervals.error.code`` (the API's code, where it answered one)
and ``error.type``. The metrics (meter ``intervals_async``):

- ``intervals.client.attempts`` (counter): by ``intervals.resource``, ``http.request.method``
  and ``http.response.status_code`` (0: no answer);
- ``intervals.client.retries`` (counter): by ``intervals.resource`` and ``error.type``;
- ``intervals.governor.wait`` (histogram, seconds): the wait for a slot, by
  ``intervals.resource``;
- ``intervals.governor.throttles`` (counter): answers that said "too fast" (code 12, 429), by
  ``intervals.account``;
- ``intervals.governor.window.used`` (gauge): slots of the minute window taken, by
  ``intervals.egress``;
- ``intervals.governor.day.used`` and ``intervals.governor.day.limit`` (gauges): requests
  spent today and the daily limit, by ``intervals.account``.

The gauges report the governor's `RateGovernor.statistics()` as the client last saw them, once
an attempt's slot was handed back (read on the event loop; a collection on the exporter's thread
never touches the governor).
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import httpx

from ._exceptions import APIError, IntervalsError
from ._observe import AttemptObserver, Observer
from ._portal import BlockingClient
from ._version import __version__
from .governor import GovernorStatistics, Outcome

try:
    from opentelemetry import metrics, trace
except ImportError as exc:  # pragma: no cover - the message is the behaviour
    raise ImportError(
        "intervals_async.telemetry needs opentelemetry-api, which comes with its extra: "
        "pip install 'intervals-async[otel]'"
    ) from exc

if TYPE_CHECKING:
    from ._client import IntervalsClient

__all__ = ["METER_NAME", "instrument"]

METER_NAME = "intervals_async"
"""The name of the meter and the tracer (the instrumentation scope)."""


def instrument(
    client: IntervalsClient | BlockingClient,
    *,
    tracer_provider: trace.TracerProvider | None = None,
    meter_provider: metrics.MeterProvider | None = None,
) -> None:
    """Report ``client``'s attempts as spans and its governor's state as metrics.

    Args:
        client: an `IntervalsClient` or a `BlockingIntervalsClient`.
        tracer_provider: where the spans go (default: the global provider).
        meter_provider: where the metrics go (default: the global provider).
    """
    target = client._async if isinstance(client, BlockingClient) else client
    instruments = _Instruments.of(meter_provider)
    tracer = trace.get_tracer(METER_NAME, __version__, tracer_provider=tracer_provider)
    target._observer = _Telemetry(tracer, instruments)


# One set of instruments per provider: a gauge's callback registered twice would report each
# point twice.
_BY_PROVIDER: weakref.WeakKeyDictionary[Any, _Instruments] = weakref.WeakKeyDictionary()


def _resource(request: httpx.Request) -> str:
    """The resource of a path (``/time/5/`` is ``time``): low cardinality, no ids."""
    return request.url.path.strip("/").split("/", 1)[0]


class _Attempt(AttemptObserver):
    def __init__(self, span: trace.Span, instruments: _Instruments, resource: str, account: str):
        self.span, self.instruments = span, instruments
        self.resource, self.account = resource, account
        self.status = 0  # no answer (yet)

    def admitted(self, waited: float) -> None:
        self.span.set_attribute("intervals.governor.waited", waited)
        self.instruments.wait.record(waited, {"intervals.resource": self.resource})

    def completed(self, outcome: Outcome) -> None:
        self.status = outcome.status or 0
        if outcome.status is not None:
            self.span.set_attribute("http.response.status_code", outcome.status)
        if outcome.code is not None:
            self.span.set_attribute("intervals.error.code", outcome.code)
        if outcome.too_fast:
            self.instruments.throttles.add(1, {"intervals.account": self.account})


class _Telemetry(Observer):
    def __init__(self, tracer: trace.Tracer, instruments: _Instruments) -> None:
        self.tracer, self.instruments = tracer, instruments

    @contextlib.contextmanager
    def attempt(
        self, request: httpx.Request, attempt: int, account: str
    ) -> Iterator[AttemptObserver]:
        resource = _resource(request)
        attributes: dict[str, Any] = {
            "intervals.resource": resource,
            "intervals.attempt": attempt,
            "intervals.account": account,
            "http.request.method": request.method,
        }
        name = f"{request.method} /{resource}/"
        with self.tracer.start_as_current_span(
            name,
            kind=trace.SpanKind.CLIENT,
            attributes=attributes,
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            seen = _Attempt(span, self.instruments, resource, account)
            try:
                yield seen
            except BaseException as exc:
                if isinstance(exc, Exception):
                    span.set_attribute("error.type", type(exc).__name__)
                    span.record_exception(exc)
                    span.set_status(trace.StatusCode.ERROR, type(exc).__name__)
                if isinstance(exc, APIError) and exc.code is not None:
                    span.set_attribute("intervals.error.code", exc.code)
                raise
            finally:
                self.instruments.attempts.add(
                    1,
                    {
                        "intervals.resource": resource,
                        "http.request.method": request.method,
                        "http.response.status_code": seen.status,
                    },
                )

    def retrying(self, request: httpx.Request, error: IntervalsError) -> None:
        self.instruments.retries.add(
            1, {"intervals.resource": _resource(request), "error.type": type(error).__name__}
        )

    def governed(self, account: str, egress: str, statistics: GovernorStatistics) -> None:
        self.instruments.seen[(account, egress)] = statistics


class _Instruments:
    """One meter's instruments, and the governors' statistics its gauges report."""

    @classmethod
    def of(cls, provider: metrics.MeterProvider | None) -> _Instruments:
        # The global provider is its own key (before the application sets one, the API's
        # proxy, which forwards to it once set).
        key = metrics.get_meter_provider() if provider is None else provider
        found = _BY_PROVIDER.get(key)
        if found is None:
            found = _BY_PROVIDER[key] = cls(
                metrics.get_meter(METER_NAME, __version__, meter_provider=key)
            )
        return found

    def __init__(self, meter: metrics.Meter) -> None:
        # Per account and egress, the statistics last seen (a frozen record: the gauges read it
        # from the exporter's thread while the loop replaces it).
        self.seen: dict[tuple[str, str], GovernorStatistics] = {}
        self.attempts = meter.create_counter(
            "intervals.client.attempts", unit="{attempt}", description="Request attempts sent"
        )
        self.retries = meter.create_counter(
            "intervals.client.retries", unit="{retry}", description="Attempts retried"
        )
        self.wait = meter.create_histogram(
            "intervals.governor.wait", unit="s", description="Time waited for a governor slot"
        )
        self.throttles = meter.create_counter(
            "intervals.governor.throttles",
            unit="{answer}",
            description="Answers that said the requests came too fast",
        )
        meter.create_observable_gauge(
            "intervals.governor.window.used",
            callbacks=[self._window],
            unit="{request}",
            description="Slots of the minute window taken",
        )
        meter.create_observable_gauge(
            "intervals.governor.day.used",
            callbacks=[self._day_used],
            unit="{request}",
            description="Requests spent today",
        )
        meter.create_observable_gauge(
            "intervals.governor.day.limit",
            callbacks=[self._day_limit],
            unit="{request}",
            description="The daily request limit",
        )

    def _window(self, _: metrics.CallbackOptions) -> Iterable[metrics.Observation]:
        windows = {egress: stats for (_, egress), stats in list(self.seen.items())}
        for egress, stats in windows.items():
            yield metrics.Observation(stats.window_used, {"intervals.egress": egress})

    def _day_used(self, _: metrics.CallbackOptions) -> Iterable[metrics.Observation]:
        days = {account: stats for (account, _), stats in list(self.seen.items())}
        for account, stats in days.items():
            yield metrics.Observation(stats.day_used, {"intervals.account": account})

    def _day_limit(self, _: metrics.CallbackOptions) -> Iterable[metrics.Observation]:
        days = {account: stats for (account, _), stats in list(self.seen.items())}
        for account, stats in days.items():
            yield metrics.Observation(stats.day_limit, {"intervals.account": account})
