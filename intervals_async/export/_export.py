"""Bulk export: every record of some collections, once, in a stable order, resumable.

The walk of one collection, in id order where the API sorts by id:

    probe (limit=1: the listcount)  ->  pages at offset, offset+size, ...  (``concurrency`` at
    once, each paced by the governor)  ->  written in offset order, each with its checkpoint

Exactly once: a page is committed with the progress that follows it (see `._sinks`), and
records at or below the last id written are skipped. Records deleted before where the walk stands
shift the rest back, so a walk that goes on (after a stop, or when the ``listcount`` drops) first
reads the last record written again, and steps back until it finds it or one before it.
"""

from __future__ import annotations

import contextlib
import enum
import math
import shutil
import sqlite3
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .. import _validate
from .._exceptions import DailyQuotaExceeded, DayClosed, IntervalsError, InvalidParameter
from .._gather import gather
from .._pager import Fetch, Pager, in_id_order, requests_for, walks_by_id
from .._plan import probe, quota_left
from .._validate import collection
from ..governor import Priority
from ..models import Model, Page
from ..resources import Group
from ..resources._table import RESOURCES
from ._sinks import Format, Progress, Sink, check_writable, has_checkpoint, open_sink
from ._thread import JobThread

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
    "Stop",
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
    """Turn a failure of the disk under ``where`` into `OutputError` (naming the file
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
        requests_left: the requests still to send, at least (a collection whose size is not
            known yet counts one), so that what is left can be timed by the requests.
        counted: whether ``expected`` counts every collection (else it is a floor, and grows as
            collections tell their size).
    """

    resource: str
    records: int
    total: int | None
    written: int
    expected: int
    requests: int
    budget: int | None
    quota_left: int | None
    requests_left: int | None = None
    counted: bool = True


class Stop(enum.StrEnum):
    """Why an export run stopped before the end (each equal to its string)."""

    BUDGET = "budget"  # max_requests or the reserve
    DAILY_QUOTA = "daily quota"  # the day's quota is spent: run again after resets_at


@attrs.frozen
class ExportResult:
    """What an export run did.

    Args:
        complete: whether every record of every collection is written.
        records: records written per collection (earlier runs included).
        requests: requests this run sent (planning included).
        stopped: why the run stopped early (see `Stop`); ``None`` when complete.
        files: the output files.
        resets_at: when the quota resets, where the run stopped for it.
    """

    complete: bool
    records: Mapping[str, int]
    requests: int
    stopped: Stop | None
    files: tuple[Path, ...]
    resets_at: datetime | None = None


def readable_resources(group: Group) -> list[str]:
    """The collections a user of ``group`` may read whole (no required filter; not ``me`` or
    ``quota``)."""
    return [
        r.name
        for r in RESOURCES
        if r.listed and group in r.collection["GET"] and not any(f.required for f in r.filters)
    ]


def walk_filters(name: str, filters: Mapping[str, Any]) -> dict[str, Any]:
    """The filters a walk of every matching record sends with ``filters``: in id order where
    the collection allows (see `in_id_order()`), and both kinds of
    timer: the timer list "ordinarily" holds task timers only, and ``gettimerinfo`` adds the
    general ones, unless the caller chose a kind."""
    walked = in_id_order(collection(name), filters)
    if name == "timer" and not {"generaltimers", "gettimerinfo"} & set(filters):
        walked["gettimerinfo"] = True
    return walked


class Export:
    """An export of collections to a directory, resumable from its checkpoint.

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
        self._thread: JobThread | None = None  # the open sink's: all its file and SQL work
        self._names: list[str] | None = None  # the collections, once known
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

    async def _open(self) -> tuple[Sink, JobThread]:
        """The output and its checkpoint, opened once (before any request), and the thread
        that does all its work."""
        if self._sink is None or self._thread is None:
            if self._plan is None:  # a run after plan() counts the planning in its budget
                self._started = self._client.statistics().requests_sent
            try:
                thread, sink = await JobThread.opening(open_sink, self._out, self._format)
            except (OSError, ValueError, sqlite3.OperationalError) as exc:
                raise ExportError(f"cannot write the export to {self._out}: {exc}") from None
            self._thread, self._sink = thread, sink
        return self._sink, self._thread

    async def _close(self, *, discard: bool = False) -> None:
        """Release the output; with ``discard``, remove it too (this run made it and began no
        job in it: a refused token leaves no empty output behind)."""
        sink, thread = self._sink, self._thread
        self._sink, self._thread, self._names, self._plan = None, None, None, None
        if sink is None or thread is None:
            return
        try:
            with writing(sink.path):
                await thread.run(sink.close)
                if discard and sink.job is None:
                    await thread.run(shutil.rmtree, self._out, True)
        finally:
            thread.close()

    async def _collections(self, job: Mapping[str, Any] | None, room: float) -> list[str] | None:
        """The collections to read; ``None`` when the budget leaves no request to ask ``/me/``
        which ones the user may read.

        ``/me/`` is asked once: the checkpoint's ``job`` remembers what it said, so an export
        run again costs nothing when nothing is left to do.
        """
        if self._names is not None:
            return self._names
        names = self._resources
        if names is None and job is not None and job.get("readable") and not self._restart:
            names = list(job["resources"])
        if names is None:
            if room < 1:
                return None
            me = await self._client.me.get()
            names = readable_resources(Group(me.group or "Resource"))
        self._check_filtered(names)
        self._names = names
        return names

    def _job(self, names: Sequence[str], saved: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """The checkpoint's job for ``names``, or ``None`` where ``saved`` is that job already.

        Raises:
            ExportError: ``saved`` is another export's job, and no restart was asked for.
        """
        job: dict[str, Any] = {
            "format": self._format.value,
            "resources": {
                n: _validate.query(collection(n), self._filters.get(n, {})) for n in names
            },
        }
        if self._resources is None:
            job["readable"] = True  # the collections came from /me/: no need to ask again
        same = saved is not None and {**saved, "readable": None} == {**job, "readable": None}
        if saved is not None and not same and not self._restart:
            raise ExportError(
                f"{self._out} holds the checkpoint of another export (other collections, "
                "filters or format): give another output directory, or restart it "
                "(restart=True, --restart) to replace it"
            )
        # The same job is kept as first written, with its progress.
        return job if not same or self._restart else None

    async def _begin(self, sink: Sink, thread: JobThread, names: Sequence[str]) -> None:
        """Begin the job in the checkpoint, unless it is the one there."""
        job = self._job(names, sink.job)
        if job is not None:
            with writing(sink.path):
                await thread.run(sink.start, job)
            self._restart = False  # begun afresh: a second run of this object goes on

    async def plan(self) -> ExportPlan:
        """What the export will cost from where its checkpoint stands, against today's quota.

        Planning costs requests of its own (``/me/`` where the collections are not known, and
        a one-record probe per collection left), which `run()` does not need: a run learns
        each collection's size from its first page.
        """
        if self._plan is not None:
            return self._plan
        # Planning writes nothing: it reads a checkpoint that is there, and makes none.
        try:
            check_writable(self._out)
        except OSError as exc:
            raise ExportError(f"cannot write the export to {self._out}: {exc}") from None
        sink = (await self._open())[0] if has_checkpoint(self._out, self._format) else None
        if sink is None:
            self._started = self._client.statistics().requests_sent
        progress = {} if sink is None or self._restart else sink.progress
        try:
            saved = None if sink is None else sink.job
            names = await self._collections(saved, math.inf)
            assert names is not None
            self._job(names, saved)  # another export's checkpoint is refused now, as by run()
            plans = []
            for name in names:
                done = progress.get(name, Progress())
                filters = self._filters.get(name, {})
                if done.done:
                    plans.append(ResourcePlan(name, filters, done.records, done.records, 0))
                elif collection(name).filter("limit") is None:
                    plans.append(ResourcePlan(name, filters, None, 0, 1))
                else:
                    _, walked = walk_start(name, done, self._page_size, filters)
                    listcount = await probe(self._client, name, walked)
                    requests = requests_for(listcount, self._page_size, done.offset)
                    plans.append(ResourcePlan(name, filters, listcount, done.records, requests))
            quota = await self._client.quota()
        except BaseException:
            await self._close()
            raise
        planning = self._sent()
        self._plan = ExportPlan(
            resources=tuple(plans),
            requests=planning + sum(p.requests for p in plans),
            planning=planning,
            page_size=self._page_size,
            quota_left=quota_left(quota),
            resets_at=quota.resets_at,
        )
        return self._plan

    async def run(
        self,
        *,
        max_requests: int | None = None,
        reserve: int = 0,
        progress: Callable[[ExportProgress], None] | None = None,
    ) -> ExportResult:
        """Export what the checkpoint says is left; stop cleanly at the budget.

        Each collection's first page is its probe: a run costs ``/me/`` (only where the
        collections are neither given nor remembered by the checkpoint) and a request per
        page, ``max(1, ceil(n / page_size))`` for ``n`` records; a finished export costs none.

        Args:
            max_requests: the most this run may send, planning included; never exceeded.
            reserve: requests of today's quota to leave unspent for others; never touched.
            progress: called after every page written.

        Returns:
            What was written; ``complete`` is false where the run stopped at the budget or the
            day's quota (run again, or call ``run`` again, to resume).

        Raises:
            InvalidParameter: the budget leaves no request though records are left to read
                (before any request).
        """
        if (max_requests is not None and max_requests < 0) or reserve < 0:
            raise ValueError("max_requests and reserve must not be negative")
        made = not self._out.exists()
        sink, thread = await self._open()
        try:
            budget = math.inf if max_requests is None else float(max_requests)
            quota = await self._client.quota()  # free: not counted against the day
            left = quota_left(quota)
            if reserve and left is not None:
                budget = min(budget, self._sent() + left - reserve)
            unfinished = not _finished(sink, self._names or self._resources)
            if unfinished and budget - self._sent() < 1:
                short = max_requests is not None and max_requests - self._sent() < 1
                which = "max_requests" if short else "reserve"
                raise InvalidParameter(
                    f"the budget leaves no request, and the export needs at least 1 to go on "
                    f"(2 to write a first page where /me/ must say which collections to read): "
                    f"{'raise max_requests' if short else 'lower the reserve'}",
                    resource=", ".join(self._names or self._resources or ["export"]),
                    parameter=which,
                )
            walk = _Walk(
                client=self._client,
                sink=sink,
                thread=thread,
                page_size=self._page_size,
                concurrency=self._concurrency,
                filters=self._filters,
                sent=self._sent,
                budget=budget,
                report=progress,
                quota_left=left,
            )
            stopped: Stop | None = None
            resets_at = None
            with writing(sink.path):
                try:
                    names = await self._collections(sink.job, walk.room())
                    if names is not None:
                        await self._begin(sink, thread, names)
                    walk.started(names or [])
                    for name in names if names is not None else ():
                        if not await walk.collection(name):
                            stopped = Stop.BUDGET
                            break
                    if names is None:
                        stopped = Stop.BUDGET
                except (DailyQuotaExceeded, DayClosed) as error:
                    stopped, resets_at = Stop.DAILY_QUOTA, error.reset_at
        finally:
            plan, files, records = self._plan, sink.files(), dict(sink.progress)
            await self._close(discard=made)  # a next run plans afresh from the checkpoint
        return ExportResult(
            complete=stopped is None,
            records={n: p.records for n, p in records.items()},
            requests=self._sent(),
            stopped=stopped,
            files=tuple(files),
            resets_at=resets_at or (plan.resets_at if stopped and plan else None),
        )


def _finished(sink: Sink, names: Sequence[str] | None) -> bool:
    """Whether the checkpoint says every collection is written (so a run costs nothing)."""
    if sink.job is None:
        return False
    listed = names if names is not None else list(sink.job["resources"])
    return all(sink.progress.get(n, Progress()).done for n in listed)


class _Walk:
    """One run's walk through the collections."""

    def __init__(
        self,
        *,
        client: IntervalsClient,
        sink: Sink,
        thread: JobThread,
        page_size: int,
        concurrency: int,
        filters: Mapping[str, Mapping[str, Any]],
        sent: Callable[[], int],
        budget: float,
        report: Callable[[ExportProgress], None] | None,
        quota_left: int | None,
    ) -> None:
        self._client = client
        self._sink = sink
        self._thread = thread
        self._page_size = page_size
        self._concurrency = concurrency
        self._filters = filters
        self._sent = sent  # requests the export has sent so far
        self._budget = budget
        self._report = report
        self._quota_left = quota_left
        self._counts = {n: p.listcount or p.records for n, p in sink.progress.items()}
        self._names: list[str] = []

    def room(self) -> float:
        """Requests the budget still allows."""
        return self._budget - self._sent()

    def started(self, names: Sequence[str]) -> None:
        """Say at once what the run is doing: the first collection it goes on with."""
        self._names = list(names)
        left = [n for n in names if not self._sink.progress.get(n, Progress()).done]
        if left:
            self._tell(left[0], self._sink.progress.get(left[0], Progress()))

    async def _commit(self, name: str, records: Sequence[Model], done: Progress) -> None:
        model = getattr(self._client, name).model
        await self._thread.run(self._sink.append, name, model, records, done)
        self._counts[name] = done.listcount if done.listcount is not None else done.records
        self._tell(name, done)

    def _tell(self, name: str, done: Progress) -> None:
        if self._report is None:
            return
        sent = self._sent()
        left = self._quota_left
        pages, counted = 0, True
        for other in self._names:
            at = self._sink.progress.get(other, Progress())
            if at.done:
                continue
            if at.listcount is None:
                pages, counted = pages + 1, False  # its first page will say
            else:
                pages += requests_for(at.listcount, self._page_size, at.offset)
        self._report(
            ExportProgress(
                resource=name,
                records=done.records,
                total=done.listcount,
                written=sum(p.records for p in self._sink.progress.values()),
                expected=sum(self._counts.get(n, 0) for n in self._names),
                requests=sent,
                budget=None if self._budget == math.inf else int(self._budget),
                quota_left=None if left is None else left - sent,
                requests_left=pages,
                counted=counted,
            )
        )

    async def collection(self, name: str) -> bool:
        """Write what is left of one collection; false where the budget ran out first."""
        done = self._sink.progress.get(name, Progress())
        if done.done:
            return True
        if collection(name).filter("limit") is None:  # unpaged: one answer holds every record
            if self.room() < 1:
                return False
            namespace = getattr(self._client, name)
            page = await namespace.list(**self._filters.get(name, {}))
            n = len(page.items)
            await self._commit(name, page.items, Progress(n, n, None, 0, page.listcount, True))
            return True
        pager, filters = walk_start(name, done, self._page_size, self._filters.get(name, {}))
        while not pager.done:
            width = int(min(self._concurrency, self.room()))
            if width < 1:
                return False
            fetches = pager.plan(width)
            pages = await gather([_settled(_page(self._client, name, filters, f)) for f in fetches])
            for fetch, page in zip(fetches, pages, strict=True):
                if isinstance(page, IntervalsError):
                    raise page  # the pages before it are written: no request is wasted
                fresh = pager.take(fetch, page.items, page.listcount)
                if fresh is None:
                    continue  # asked before an earlier page moved the walk: moot
                done = Progress(
                    offset=pager.offset,
                    records=done.records + len(fresh),
                    last_id=pager.last_id,
                    size=done.size,
                    listcount=pager.listcount,
                    done=pager.done,
                )
                await self._commit(name, fresh, done)
        return True


def walk_start(
    name: str, done: Progress, page_size: int, given: Mapping[str, Any]
) -> tuple[Pager, dict[str, Any]]:
    """The pager of one collection's walk, going on from its checkpoint, and its filters."""
    filters = walk_filters(name, given)
    by_id = walks_by_id(filters)
    if by_id and done.last_id is not None and done.offset > 0:
        # Read the last record written again: the page that opens with it proves that
        # nothing before it moved (else the pager steps back until it finds it).
        start = Pager(
            name,
            page_size=page_size,
            by_id=True,
            offset=done.offset - 1,
            after_id=done.last_id,
            listcount=done.listcount,
        )
    else:
        start = Pager(name, page_size=page_size, by_id=by_id, offset=done.offset)
    return start, filters


async def _page(
    client: IntervalsClient, name: str, filters: Mapping[str, Any], fetch: Fetch
) -> Page[Model]:
    """One planned page of a walk."""
    page: Page[Model] = await getattr(client, name).list(
        offset=fetch.offset, limit=fetch.limit, **filters
    )
    return page


async def _settled(call: Awaitable[Page[Model]]) -> Page[Model] | IntervalsError:
    """The page, or the SDK error that stopped it (so the pages before it are still written)."""
    try:
        return await call
    except IntervalsError as error:
        return error
