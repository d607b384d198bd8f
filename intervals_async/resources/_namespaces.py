"""What the client's namespaces (``client.time``, ``client.task``...) do, verb by verb.

Each namespace offers exactly the verbs the API has for its resource, from five small mixins:
``list``/``pages``/``iterate`` (collection ``GET``), ``get`` (member ``GET``), ``create``
(collection ``POST``), ``update`` (member ``PUT``) and ``delete`` (member ``DELETE``), plus what a
few resources add (`_TimerWorkflow`, `_Downloads`, `_Me`). The namespace classes themselves, with
every filter and field as a typed keyword parameter, are generated from the resource table into
``_typed.py``: their methods pass the parameters on to the mixins' private ones here
(``_list(filters)``...). `verbs_of()` lets a test hold the composition to the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from .. import _validate
from .._clock import Clock
from .._convert import envelope_int, structure
from .._exceptions import DecodeError, IntervalsError, InvalidParameter
from .._gather import gather
from .._pager import Pager, in_id_order, walks_by_id
from .._params import NOT_GIVEN
from .._wire import MAX_INT, shown
from ..models import Document, Me, Model, Page, Time, Timer
from ._table import Resource, resource

__all__ = ["Caller", "Namespace", "verbs_of"]

M = TypeVar("M", bound=Model)


class Caller(Protocol):
    """What a namespace needs from the client: the request loop, the paging defaults and the
    clock (a timer's "now")."""

    page_size: int
    concurrency: int
    clock: Clock

    async def call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """One call through the request loop; the decoded envelope."""
        ...

    async def _download(self, path: str, target: Path | None) -> bytes:
        """One download through the request loop, into memory or streamed into ``target``."""
        ...

    async def _page(
        self, path: str, params: Mapping[str, str] | None, resource: str, model: type[Model]
    ) -> dict[str, Any]:
        """One ``GET`` of records (a page, or one); its records already models (a tuple) where
        the fast decoder took the answer."""
        ...


class Namespace(Generic[M]):
    """The base of every resource namespace."""

    model: ClassVar[type[Model]]

    def __init__(self, caller: Caller, name: str) -> None:
        spec = resource(name)
        assert spec is not None, name
        self._caller = caller
        self._spec: Resource = spec

    def __repr__(self) -> str:
        return f"<{type(self).__name__} /{self._spec.name}/>"

    def _one(self, body: Mapping[str, Any]) -> M:
        record = body.get(self._spec.name)
        if isinstance(record, tuple):  # decoded already, by the fast decoder
            if len(record) == 1:
                return record[0]  # type: ignore[no-any-return]
            raise DecodeError(
                f"/{self._spec.name}/: one record was asked for, and {len(record)} came"
            )
        if isinstance(record, list) and len(record) == 1:
            record = record[0]
        return self._decode(record)

    def _decode(self, record: Any) -> M:
        try:
            return structure(record, self.model)  # type: ignore[return-value]
        except ValueError as exc:
            raise DecodeError(f"/{self._spec.name}/: {exc}") from exc

    def _ident(self, ident: int) -> int:
        if isinstance(ident, bool) or not isinstance(ident, int) or not 1 <= ident <= MAX_INT:
            raise InvalidParameter(
                f"a {self._spec.name} id is a positive int (at most {MAX_INT}), not {shown(ident)}",
                resource=self._spec.name,
                parameter="id",
            )
        return ident


class _List(Namespace[M]):
    @property
    def _paged(self) -> bool:
        # A few small collections document no limit and offset: one answer holds them all.
        return self._spec.filter("limit") is not None

    async def _list(self, filters: dict[str, Any]) -> Page[M]:
        """One page of the collection, the filters as Python values (``projectid=5``,
        ``datebegin=date(2026, 1, 1)``, ``statusid=[1, 2]``, ``billable=True``; ``None`` leaves
        one out); ``limit`` defaults to the client's ``page_size``."""
        if filters.get("limit") is None and self._paged:
            filters["limit"] = self._caller.page_size
        params = _validate.query(self._spec, filters)
        name = self._spec.name
        body = await self._caller._page(f"/{name}/", params, name, self.model)
        records = body.get(name)
        if isinstance(records, tuple):
            items: tuple[M, ...] = records  # decoded already, by the fast decoder
        elif isinstance(records, list):
            items = tuple(self._decode(r) for r in records)
        else:
            raise DecodeError(f"/{name}/ answered without its list of records")
        offset = int(params.get("offset", "0"))
        try:
            listcount = envelope_int(body.get("listcount"))
        except ValueError as exc:
            raise DecodeError(f"/{self._spec.name}/: bad listcount: {exc}") from exc
        return Page(
            items=items,
            listcount=offset + len(items) if listcount is None else listcount,
            offset=offset,
            limit=int(params.get("limit", len(items))),
        )

    async def _pages(
        self, page_size: int | None, concurrency: int | None, filters: dict[str, Any]
    ) -> AsyncIterator[Sequence[M]]:
        """Every matching record, a page at a time: one request a page, each checked.

        The walk goes by ascending id where the collection sorts by id and no ``sortfield`` is
        given, so that it can check what the server sends (see `PagingError`): ids out of
        order, a page repeated (an ignored ``offset``), records fewer than ``listcount``. No
        record is yielded twice; a ``listcount`` too small loses none. Pages are large (the
        client's ``page_size``; the API's default of 10 would cost 50 times more); once the
        first page has told ``listcount``, up to ``concurrency`` pages are fetched at once (each
        still paced by the governor). A walk of ``n`` records costs ``max(1, ceil(n /
        page_size))`` requests; ``offset`` says where to start. The filters are `list()`'s
        (all but ``limit``).
        """
        if "limit" in filters:
            raise InvalidParameter(
                "iterate() walks every page: give page_size, not limit",
                resource=self._spec.name,
                parameter="limit",
            )
        name = self._spec.name
        step = _validate.positive(
            name, "page_size", self._caller.page_size if page_size is None else page_size
        )
        width = _validate.positive(
            name, "concurrency", self._caller.concurrency if concurrency is None else concurrency
        )
        if not self._paged:
            yield (await self._list(filters)).items  # one answer holds every record
            return
        walked = in_id_order(self._spec, {k: v for k, v in filters.items() if v is not None})
        # Every filter checked once, before the first request (offset included).
        checked = _validate.query(self._spec, {**walked, "limit": step})
        walked.pop("offset", None)
        pager = Pager(
            name,
            page_size=step,
            by_id=walks_by_id(walked),
            offset=int(checked.get("offset", "0")),
        )
        while not pager.done:
            fetches = pager.plan(width)
            answers = await gather(
                [self._list({**walked, "offset": f.offset, "limit": f.limit}) for f in fetches]
            )
            for fetch, page in zip(fetches, answers, strict=True):
                fresh = pager.take(fetch, page.items, page.listcount)
                if fresh:
                    yield fresh

    async def _iterate(
        self, page_size: int | None, concurrency: int | None, filters: dict[str, Any]
    ) -> AsyncIterator[M]:
        """Every matching record, one at a time: `pages()`, record by record (each page checked,
        no record twice, ``max(1, ceil(n / page_size))`` requests for ``n`` records). The
        filters are `list()`'s (all but ``limit``)."""
        async for page in self._pages(page_size, concurrency, filters):
            for item in page:
                yield item


class _Get(Namespace[M]):
    async def get(self, ident: int) -> M:
        """The record with id ``ident`` (``NotFound`` if there is none)."""
        name = self._spec.name
        body = await self._caller._page(f"/{name}/{self._ident(ident)}/", None, name, self.model)
        return self._one(body)


class _Create(Namespace[M]):
    async def _create(self, fields: Mapping[str, Any]) -> M:
        """Create a record from the fields given (Python values; the required ones checked
        before any request).

        A create is never retried after a failure that may have reached the server (see
        `RetryPolicy`): the API has no idempotency keys.
        """
        payload = _validate.body(self._spec, _given(fields), create=True)
        body = await self._caller.call("POST", f"/{self._spec.name}/", json=payload)
        return self._one(body)


class _Update(Namespace[M]):
    async def _update(self, ident: int, fields: Mapping[str, Any]) -> M:
        """Change the fields given of record ``ident`` (``None`` clears one); the record as the
        API now has it.

        Where the API's answer does not carry the record, it is read back (one more request).
        """
        payload = _validate.body(self._spec, _given(fields), create=False)
        path = f"/{self._spec.name}/{self._ident(ident)}/"
        body = await self._caller.call("PUT", path, json=payload)
        if self._spec.name not in body:
            body = await self._caller.call("GET", path)
        return self._one(body)


class _Delete(Namespace[M]):
    async def delete(self, ident: int) -> None:
        """Delete record ``ident``."""
        await self._caller.call("DELETE", f"/{self._spec.name}/{self._ident(ident)}/")


def _given(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that were given (`NOT_GIVEN` ones left out)."""
    return {name: value for name, value in fields.items() if value is not NOT_GIVEN}


# -- what some namespaces add to their verbs (the rest is generated from the table: _typed.py) ----


class _Me(Namespace[Me]):
    async def get(self, ident: int | None = None) -> Me:
        """The token's person (``GET /me/``; with ``ident``, ``GET /me/{ident}/``)."""
        path = "/me/" if ident is None else f"/me/{self._ident(ident)}/"
        return self._one(await self._caller.call("GET", path))


class _Downloads(_List[Document], _Get[Document]):
    async def download(self, ident: int, target: str | Path | None = None) -> bytes:
        """The latest version of document ``ident`` (``GET /document/{id}/download/``).

        Args:
            ident: the document's id.
            target: a file to stream the bytes into (written whole or not at all) instead of
                holding them in memory; then ``b""`` is returned.
        """
        path = f"/document/{self._ident(ident)}/download/"
        return await self._caller._download(path, None if target is None else Path(target))


class _TimeEntries(_Create[Time]):
    """The time entries a timer turns into (`_TimerWorkflow.to_time`)."""

    model = Time


class _TimerWorkflow(_List[Timer], _Get[Timer], _Create[Timer], _Update[Timer], _Delete[Timer]):
    """The list holds task timers only, as the API's does: ``generaltimers=True`` lists the
    general timers instead, ``gettimerinfo=True`` both. A person has at most one timer per task.

    The workflow the API documents is one call each: `start()`, `pause()` (``time``
    gains the run, ``starttime`` goes blank), `resume()` (``starttime`` set again) and
    `to_time()` (a paused timer becomes a time entry, and is deleted).
    """

    async def start(
        self, *, personid: int, taskid: int | None = None, name: str | None = None
    ) -> Timer:
        """Start a timer now, on the server's clock: a task timer with ``taskid``, else a
        general one. ``name`` is its description."""
        fields: dict[str, Any] = {"personid": personid, "taskid": taskid, "name": name}
        return await self._create({k: v for k, v in fields.items() if v is not None})

    async def pause(self, ident: int) -> Timer:
        """Pause timer ``ident``: its ``time`` gains the seconds since it started, and its
        ``starttime`` goes blank. A paused timer is returned as it is (no write)."""
        timer = await self.get(self._ident(ident))
        if timer.starttime is None:
            return timer
        # The run as the server counts it (``timelapsed``), where it says; else by our clock.
        run = timer.timelapsed
        if run is None:
            now = dt.datetime.fromtimestamp(self._caller.clock.time(), dt.UTC)
            run = max(0, int((now.replace(tzinfo=None) - timer.starttime).total_seconds()))
        return await self._update(ident, {"time": (timer.time or 0) + run, "starttime": None})

    async def resume(self, ident: int) -> Timer:
        """Run paused timer ``ident`` again from now (its ``time`` kept). A running timer is
        returned as it is (no write)."""
        timer = await self.get(self._ident(ident))
        if timer.starttime is not None:
            return timer
        now = dt.datetime.fromtimestamp(self._caller.clock.time(), dt.UTC)
        return await self._update(ident, {"starttime": now.replace(microsecond=0)})

    async def to_time(
        self,
        ident: int,
        *,
        worktypeid: int,
        billable: bool,
        date: dt.date | None = None,
        description: str | None = None,
        projectid: int | None = None,
        moduleid: int | None = None,
    ) -> Time:
        """Turn paused timer ``ident`` into a time entry, then delete the timer (as the API
        documents: a timer is applied once paused).

        The entry's hours are the timer's seconds, to the hundredth of an hour (36 s); its task
        is the timer's (a general timer needs ``projectid`` and ``moduleid``), its person the
        timer's, its date ``date`` (default: today in UTC), its description ``description``
        (default: the timer's name).

        Raises:
            InvalidParameter: a bad value (before any request), a running timer, or a general
                timer without project and module (before any write).
        """
        given: dict[str, Any] = {"worktypeid": worktypeid, "billable": billable, "date": date}
        given |= {"description": description, "projectid": projectid, "moduleid": moduleid}
        entries = _TimeEntries(self._caller, "time")
        # The caller's values checked now, before the timer is read (the rest are the timer's).
        _validate.body(
            entries._spec, {k: v for k, v in given.items() if v is not None}, create=False
        )
        timer = await self.get(self._ident(ident))
        if timer.starttime is not None:
            raise InvalidParameter(
                f"timer {ident} is running: pause it first (timer.pause), then log it",
                resource="timer",
                parameter="id",
            )
        if timer.taskid is None and (projectid is None or moduleid is None):
            raise InvalidParameter(
                f"timer {ident} is a general timer: its time entry needs a projectid and a "
                "moduleid",
                resource="time",
                parameter="projectid" if projectid is None else "moduleid",
            )
        seconds = Decimal(timer.time or 0)
        today = dt.datetime.fromtimestamp(self._caller.clock.time(), dt.UTC).date()
        fields = {
            "personid": timer.personid,
            "taskid": timer.taskid,
            "projectid": projectid,
            "moduleid": moduleid,
            "worktypeid": worktypeid,
            "billable": billable,
            "date": date or today,
            "time": (seconds / 3600).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
            "description": description if description is not None else timer.name,
        }
        entry = await entries._create({k: v for k, v in fields.items() if v is not None})
        try:
            await self.delete(ident)
        except IntervalsError as exc:
            # The entry exists: logging the timer again would count its time twice.
            exc.add_note(
                f"time entry {entry.id} was created from timer {ident}: delete the timer, "
                "do not log it again"
            )
            raise
        return entry


_VERBS = {
    _List: ("collection", "GET"),
    _Create: ("collection", "POST"),
    _Get: ("member", "GET"),
    _Update: ("member", "PUT"),
    _Delete: ("member", "DELETE"),
}


def verbs_of(namespace: type[Namespace[Any]]) -> set[tuple[str, str]]:
    """The (``collection``/``member``, verb) pairs a namespace class offers."""
    return {verb for mixin, verb in _VERBS.items() if issubclass(namespace, mixin)}
