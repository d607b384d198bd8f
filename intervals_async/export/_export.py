"""Bulk export: every record of some collections, once, in a stable order, resumable.

The walk of one collection, in id order where the API sorts by id::

    probe (limit=1: the listcount)  ->  pages at offset, offset+size, ...  (``concurrency`` at
    once, each paced by the governor)  ->  written in offset order, each with its checkpoint

Exactly once: a page is committed with the progress that follows it (see :mod:`._sinks`), and
records at or below the last id written are skipped. Records deleted before where the walk stands
shift the rest back, so a walk that goes on (after a stop, or when the ``listcount`` drops) first
reads the last record written again, and steps back until it finds it or one before it.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import attrs

from .. import _validate
from .._exceptions import DailyQuotaExceeded, IntervalsError, InvalidParameter
from .._gather import gather
from ..governor import Priority
from ..models import Model, Page
from ..resources import Group, Resource, resource
from ..resources._table import RESOURCES
from ._records import ident
from ._sinks import Format, Progress, Sink, open_sink

if TYPE_CHECKING:
    from .._client import IntervalsClient

__all__ = [
    "Export",
    "ExportError",
    "ExportPlan",
    "ExportProgress",
    "ExportResult",
    "OutputError",
    "ResourcePlan",
    "collection",
    "readable_resources",
    "walk_filters",
]


class ExportError(IntervalsError):
    """An export or a mirror cannot start: its output is unusable or belongs to another job."""


class OutputError(ExportError):
    """Writing an export or a mirror failed part way: the disk filled, a permission or the path
    went away.

    What was written stays consistent with its checkpoint (a page and its checkpoint commit
    together), so once the cause is fixed the same job, run again, resumes where it stopped.

    Args:
        path: the file or directory that could not be written.
        cause: the operating system's (or SQLite's) error.
    """

    def __init__(self, path: Path, cause: OSError | sqlite3.Error) -> None:
        self.path = path
        detail = cause.strerror if isinstance(cause, OSError) and cause.strerror else str(cause)
        super().__init__(
            f"cannot write {path}: {detail}. What was written is consistent: once this is "
            "fixed, run it again to resume"
        )


@contextlib.contextmanager
def writing(where: Path) -> Iterator[None]:
    """Turn a failure of the disk under ``where`` into :class:`OutputError` (naming the file
    the system names, else ``where``)."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        named = exc.filename if isinstance(exc, OSError) else None
        raise OutputError(Path(named) if named else where, exc) from exc


@attrs.frozen
class ResourcePlan:
    """What exporting one collection costs from where its checkpoint stands.

    Args:
        resource: the collection.
        filters: its filters.
        listcount: the records matching now (``None`` for a collection read whole, unpaged).
        written: records already written by an earlier run.
        requests: the requests still to send: the probe (already sent) and the pages.
    """

    resource: str
    filters: Mapping[str, Any]
    listcount: int | None
    written: int
    requests: int


@attrs.frozen
class ExportPlan:
    """An export's cost against today's quota, said before it starts.

    Args:
        resources: each collection's plan.
        requests: the whole export's requests, those spent planning included.
        planning: the requests planning spent (``/me/`` and one probe per collection).
        page_size: the page size the plan assumes.
        quota_left: requests left today (``/quota/`` costs none), if the API said.
        resets_at: when the quota resets (00:00 GMT).
    """

    resources: tuple[ResourcePlan, ...]
    requests: int
    planning: int
    page_size: int
    quota_left: int | None
    resets_at: datetime | None

    @property
    def fits(self) -> bool:
        """Whether the quota left today covers what remains of the export."""
        return self.quota_left is None or self.requests - self.planning <= self.quota_left


@attrs.frozen
class ExportProgress:
    """A moment of a running export, for progress displays.

    Args:
        resource: the collection being written.
        records: records written of it.
        total: records it holds (``None`` while unknown).
        written: records written in all (every collection, earlier runs included).
        expected: records expected in all.
        requests: requests sent by this run.
        budget: the most this run may send (``None``: no limit but the day's).
        quota_left: the quota left today, as last learned.
    """

    resource: str
    records: int
    total: int | None
    written: int
    expected: int
    requests: int
    budget: int | None
    quota_left: int | None


@attrs.frozen
class ExportResult:
    """What an export run did.

    Args:
        complete: whether every record of every collection is written.
        records: records written per collection (earlier runs included).
        requests: requests this run sent (planning included).
        stopped: why the run stopped early: ``"budget"`` (``max_requests`` or the reserve) or
            ``"daily quota"``; ``None`` when complete.
        files: the output files.
        resets_at: when the quota resets, where the run stopped for it.
    """

    complete: bool
    records: Mapping[str, int]
    requests: int
    stopped: str | None
    files: tuple[Path, ...]
    resets_at: datetime | None = None


def readable_resources(group: Group) -> list[str]:
    """The collections a user of ``group`` may read whole (no required filter; not ``me`` or
    ``quota``)."""
    return [
        r.name
        for r in RESOURCES
        if group in r.collection.get("GET", frozenset())
        and r.name not in ("me", "quota")
        and not any(f.required for f in r.filters)
    ]


def collection(name: str) -> Resource:
    """The collection called ``name``, or :class:`InvalidParameter` before any request."""
    spec = resource(name)
    if spec is None or "GET" not in spec.collection or name in ("me", "quota"):
        raise InvalidParameter(f"{name!r} is not a collection to export", resource=name)
    return spec


def _by_id(spec: Resource, filters: Mapping[str, Any]) -> bool:
    return "id" in spec.sortfields and "sortfield" not in filters and "sortdir" not in filters


def walk_filters(name: str, filters: Mapping[str, Any]) -> dict[str, Any]:
    """The filters a walk of every matching record sends with ``filters``.

    Id order, where the collection sorts by id and no other order was asked for (pages then
    stay put while records are added, and ids only grow). And both kinds of timer: the timer
    list "ordinarily" holds task timers only, and ``gettimerinfo`` adds the general ones, unless
    the caller chose a kind.
    """
    walked = dict(filters)
    if _by_id(collection(name), filters):
        walked |= {"sortfield": "id", "sortdir": "ASC"}
    if name == "timer" and not {"generaltimers", "gettimerinfo"} & set(filters):
        walked["gettimerinfo"] = True
    return walked


class Export:
    """An export of collections to a directory, resumable from its checkpoint.

    ::

        job = Export(client, Path("out"), resources=["time"], filters={"time": {...}})
        plan = await job.plan()        # what it costs, against the quota left today
        result = await job.run(max_requests=1000)

    Run again after a stop (a budget, the day's quota, a crash, SIGKILL) and the same export
    continues where its checkpoint stands; the outputs then hold every record exactly once.

    Args:
        client: the client to read with (its governor paces every request; the export reads at
            ``BULK`` priority, past the response cache).
        out: the output directory (created if missing).
        resources: the collections (default: every one the token's user may read whole).
        filters: each collection's filters, as Python values (``{"time": {"datebegin": ...}}``).
        format: JSONL (default), CSV or SQLite.
        page_size: records per request (default: the client's).
        concurrency: pages in flight at once (default: the client's).
        restart: start over even where a checkpoint stands.
    """

    def __init__(
        self,
        client: IntervalsClient,
        out: Path | str,
        *,
        resources: Sequence[str] | None = None,
        filters: Mapping[str, Mapping[str, Any]] | None = None,
        format: Format | str = Format.JSONL,
        page_size: int | None = None,
        concurrency: int | None = None,
        restart: bool = False,
    ) -> None:
        self._client = client.with_options(priority=Priority.BULK, use_cache=False)
        self._out = Path(out)
        self._format = Format(format)
        self._page_size = page_size or client.page_size
        self._concurrency = concurrency or client.concurrency
        if self._page_size < 1 or self._concurrency < 1:
            raise ValueError("page_size and concurrency must be at least 1")
        self._filters = {k: dict(v) for k, v in (filters or {}).items()}
        self._resources = list(resources) if resources is not None else None
        for name in [*(self._resources or []), *self._filters]:
            collection(name)  # bad input is refused before any request
        for name, given in self._filters.items():
            paging = sorted({"limit", "offset"} & set(given))
            if paging:
                raise InvalidParameter(
                    f"an export pages {name} itself: leave out {', '.join(paging)}",
                    resource=name,
                    parameter=paging[0],
                )
            _validate.query(collection(name), given)
        if self._resources is not None:
            self._check_filtered(self._resources)
        self._restart = restart
        self._plan: ExportPlan | None = None
        self._sink: Sink | None = None
        self._started = 0

    def _check_filtered(self, names: Sequence[str]) -> None:
        """A filter for a collection the export does not read is a mistake, not a no-op."""
        for name in self._filters:
            if name not in names:
                raise InvalidParameter(
                    f"there is a filter for {name}, but the export does not read {name}",
                    resource=name,
                )

    def _sent(self) -> int:
        return self._client.statistics().requests_sent - self._started

    async def plan(self) -> ExportPlan:
        """What the export will cost, from where its checkpoint stands (sends the probes)."""
        if self._plan is not None:
            return self._plan
        self._started = self._client.statistics().requests_sent
        try:
            sink = open_sink(self._out, self._format)
        except (OSError, ValueError, sqlite3.OperationalError) as exc:
            raise ExportError(f"cannot write the export to {self._out}: {exc}") from None
        try:
            with writing(sink.path):
                self._plan = await self._planned(sink)
        except BaseException:
            with writing(sink.path):
                await anyio.to_thread.run_sync(sink.close)
            raise
        self._sink = sink
        return self._plan

    async def _planned(self, sink: Sink) -> ExportPlan:
        names = self._resources
        if names is None:
            me = await self._client.me.get()
            names = readable_resources(Group(me.group or "Resource"))
            self._check_filtered(names)
        job = {
            "format": self._format.value,
            "resources": {
                n: _validate.query(collection(n), self._filters.get(n, {})) for n in names
            },
        }
        if sink.job is not None and sink.job != job and not self._restart:
            raise ExportError(
                f"{self._out} holds the checkpoint of another export (other collections, "
                "filters or format): give another output directory, or restart to replace it"
            )
        if sink.job != job or self._restart:
            await anyio.to_thread.run_sync(sink.start, job)
        plans = []
        for name in names:
            done = sink.progress.get(name, Progress())
            spec = collection(name)
            if done.done:
                plans.append(
                    ResourcePlan(name, self._filters.get(name, {}), done.records, done.records, 0)
                )
                continue
            if spec.filter("limit") is None:
                plans.append(ResourcePlan(name, self._filters.get(name, {}), None, 0, 1))
                continue
            page = await self._list(name, 0, 1)
            left = max(0, page.listcount - done.offset)
            plans.append(
                ResourcePlan(
                    name,
                    self._filters.get(name, {}),
                    page.listcount,
                    done.records,
                    math.ceil(left / self._page_size),
                )
            )
        quota = await self._client.quota()
        left_today = None if quota.quota is None or quota.used is None else quota.quota - quota.used
        planning = self._sent()
        return ExportPlan(
            resources=tuple(plans),
            requests=planning + sum(p.requests for p in plans),
            planning=planning,
            page_size=self._page_size,
            quota_left=left_today,
            resets_at=quota.next_reset.replace(tzinfo=UTC) if quota.next_reset else None,
        )

    def _resume_at(self, name: str, done: Progress, listcount: int) -> int:
        """Where to read on from: the last record written, moved back by as many records as
        were deleted meanwhile (see :meth:`_Walk.collection`)."""
        if not _by_id(collection(name), self._filters.get(name, {})) or done.last_id is None:
            return done.offset
        dropped = max(0, (done.listcount or 0) - listcount)
        return max(0, done.offset - 1 - dropped)

    async def _list(self, name: str, offset: int, limit: int) -> Page[Model]:
        filters = walk_filters(name, self._filters.get(name, {}))
        namespace = getattr(self._client, name)
        page: Page[Model] = await namespace.list(offset=offset, limit=limit, **filters)
        return page

    async def run(
        self,
        *,
        max_requests: int | None = None,
        reserve: int = 0,
        progress: Callable[[ExportProgress], None] | None = None,
    ) -> ExportResult:
        """Export what the checkpoint says is left; stop cleanly at the budget.

        Args:
            max_requests: the most this run may send, planning included.
            reserve: requests of today's quota to leave unspent for others.
            progress: called after every page written.

        Returns:
            What was written; ``complete`` is false where the run stopped at the budget or the
            day's quota (run again, or call ``run`` again, to resume).
        """
        if (max_requests is not None and max_requests < 0) or reserve < 0:
            raise ValueError("max_requests and reserve must not be negative")
        plan = await self.plan()
        sink = self._sink
        assert sink is not None
        budget = math.inf if max_requests is None else float(max_requests)
        if plan.quota_left is not None and reserve:
            budget = min(budget, plan.planning + plan.quota_left - reserve)
        walk = _Walk(self, sink, plan, budget, progress)
        stopped: str | None = None
        resets_at = None
        with writing(sink.path):
            try:
                for item in plan.resources:
                    if not await walk.collection(item):
                        stopped = "budget"
                        break
            except DailyQuotaExceeded as error:
                stopped, resets_at = "daily quota", error.reset_at
            finally:
                self._plan, self._sink = None, None  # a next run plans afresh from the checkpoint
                await anyio.to_thread.run_sync(sink.close)
        return ExportResult(
            complete=stopped is None,
            records={n: p.records for n, p in sink.progress.items()},
            requests=self._sent(),
            stopped=stopped,
            files=tuple(sink.files()),
            resets_at=resets_at or (plan.resets_at if stopped else None),
        )


class _Walk:
    """One run's walk through the collections of a plan."""

    def __init__(
        self,
        export: Export,
        sink: Sink,
        plan: ExportPlan,
        budget: float,
        report: Callable[[ExportProgress], None] | None,
    ) -> None:
        self._export = export
        self._sink = sink
        self._budget = budget
        self._report = report
        self._expected = sum(
            p.listcount if p.listcount is not None else p.written for p in plan.resources
        )
        self._plan = plan

    def _room(self) -> float:
        return self._budget - self._export._sent()

    async def _commit(self, name: str, records: Sequence[Model], done: Progress) -> None:
        model = getattr(self._export._client, name).model
        await anyio.to_thread.run_sync(self._sink.append, name, model, records, done)
        if self._report is not None:
            sent = self._export._sent()
            left = self._plan.quota_left
            self._report(
                ExportProgress(
                    resource=name,
                    records=done.records,
                    total=done.listcount,
                    written=sum(p.records for p in self._sink.progress.values()),
                    expected=self._expected,
                    requests=sent,
                    budget=None if self._budget == math.inf else int(self._budget),
                    quota_left=None if left is None else left - (sent - self._plan.planning),
                )
            )

    async def collection(self, item: ResourcePlan) -> bool:
        """Write what is left of one collection; false where the budget ran out first."""
        export, name = self._export, item.resource
        done = attrs.evolve(self._sink.progress.get(name, Progress()))
        if done.done:
            return True
        spec = collection(name)
        if item.listcount is None:  # unpaged: one answer holds every record
            if self._room() < 1:
                return False
            namespace = getattr(export._client, name)
            page = await namespace.list(**export._filters.get(name, {}))
            await self._commit(
                name,
                page.items,
                Progress(len(page.items), len(page.items), None, 0, page.listcount, True),
            )
            return True
        dedupe = _by_id(spec, export._filters.get(name, {}))
        listcount = item.listcount
        step = export._page_size
        # Going on from a checkpoint, the walk reads the last record written again: meeting it
        # (or one before it) first proves that nothing before it moved. Otherwise records were
        # deleted (and more created, so the listcount hides it): the walk steps back a page at a
        # time until it overlaps. The id order lets what is read twice be skipped.
        offset = export._resume_at(name, done, listcount)
        anchored = not dedupe or done.last_id is None
        while offset < listcount:
            width = min(export._concurrency, self._room())
            if width < 1:
                return False
            # The first page also carries the records read again to anchor, so going on costs
            # no more pages than the records left need.
            first = step + max(0, done.offset - offset)
            starts = [offset, *(offset + first + i * step for i in range(int(width) - 1))]
            sizes = [first] + [step] * (len(starts) - 1)
            calls = [
                _settled(export._list(name, at, size))
                for at, size in zip(starts, sizes, strict=True)
                if at < listcount
            ]
            pages = await gather(calls)
            for page in pages:
                if isinstance(page, IntervalsError):
                    raise page  # the pages before it are written: no request is wasted
                if page.offset != offset:
                    break  # an earlier page came back short: read on from where it ended
                if not anchored:
                    head = ident(page.items[0]) if page.items else None
                    last = done.last_id if done.last_id is not None else -1
                    if offset > 0 and (head is None or head > last):
                        offset = max(0, offset - step)
                        break
                    anchored = True
                fresh = [
                    r
                    for r in page.items
                    if not dedupe or done.last_id is None or ident(r) > done.last_id
                ]
                before = done.listcount
                done = Progress(
                    offset=offset + len(page.items),
                    records=done.records + len(fresh),
                    last_id=ident(fresh[-1]) if fresh and dedupe else done.last_id,
                    size=done.size,
                    listcount=page.listcount,
                    done=False,
                )
                await self._commit(name, fresh, done)
                if not page.items:
                    listcount = offset  # the collection ended early
                    break
                step = min(step, len(page.items))  # a server-side cap: ask for what it gives
                offset, listcount = done.offset, page.listcount
                if dedupe and before is not None and page.listcount < before:
                    # Deleted while the walk ran: the rest moved back. Anchor again.
                    offset, anchored = max(0, offset - 1 - (before - page.listcount)), False
                    break
        done = attrs.evolve(done, done=True)
        await self._commit(name, [], done)
        return True


async def _settled(call: Awaitable[Page[Model]]) -> Page[Model] | IntervalsError:
    """The page, or the SDK error that stopped it (so the pages before it are still written)."""
    try:
        return await call
    except IntervalsError as error:
        return error
