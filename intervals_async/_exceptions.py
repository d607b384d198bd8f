"""Every error the SDK raises, in one tree.

    IntervalsError
    ├── InvalidParameter           bad input, caught before any request is sent (also ValueError)
    ├── APIError                   the API answered with an error (``error.code``, else HTTP status)
    │   ├── AuthenticationError    codes 2, 3, 7, 8, 9 (bad token, unknown or inactive user/account)
    │   ├── AccountError           codes 4, 5, 6 (account suspended, banned, unpaid)
    │   ├── PermissionDenied       code 10 (the token's user group may not do this)
    │   ├── RateLimited
    │   │   ├── DailyQuotaExceeded code 11 (carries ``reset_at``, the next 00:00 GMT)
    │   │   └── RequestsTooFast    code 12 (more than 100 requests per minute from this IP)
    │   ├── NotFound               codes 13, 14 (no such resource type or record)
    │   ├── BadRequest             codes 15-18 (action, method, parameter, validation)
    │   └── ServerError            codes 1, 19, 20 and any 5xx
    ├── GovernorTimeout            no slot before the caller's deadline (nothing was sent)
    ├── DayClosed                  the governor holds the account's day spent (nothing was sent)
    ├── StoreError                 the governor's shared store (SQLite, Redis) failed: nothing sent
    ├── TransportError             no usable answer came back
    │   ├── ConnectionFailed       could not connect, or the connection broke
    │   └── Timeout                a phase timed out, or the attempt's whole deadline passed
    ├── PagingError                a collection's pages do not add up (``resource``, ``ids``...)
    │   ├── OrderViolation         ids out of the walk's ascending order
    │   ├── RepeatedRecords        a page of records already had (an ignored ``offset``)
    │   └── MissingRecords         the pages ended short of ``listcount``
    ├── DecodeError                a malformed or truncated body
    │   └── ResponseTooLarge       a body beyond the client's ``max_body_size``
    └── ExportError                an export or a mirror cannot start (``intervals_async.export``)
        └── OutputError            the disk failed part way; the same job resumes once fixed

Rate limits arrive as HTTP 400, so answers are classified by the body's ``error.code`` first and by
the HTTP status only when the body has none. Every exception that follows a request says whether
the request may have reached the server (``request_sent``): a ``POST`` whose answer was lost may
have created its record, and the SDK never retries it by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

__all__ = [
    "APIError",
    "AccountError",
    "AuthenticationError",
    "BadRequest",
    "ConnectionFailed",
    "DailyQuotaExceeded",
    "DayClosed",
    "DecodeError",
    "GovernorTimeout",
    "IntervalsError",
    "InvalidParameter",
    "MissingRecords",
    "NotFound",
    "OrderViolation",
    "PagingError",
    "PermissionDenied",
    "RateLimited",
    "RepeatedRecords",
    "RequestsTooFast",
    "ResponseTooLarge",
    "ServerError",
    "StoreError",
    "Timeout",
    "TransportError",
    "error_class",
]


class IntervalsError(Exception):
    """The base of every error this SDK raises."""


class InvalidParameter(IntervalsError, ValueError):
    """A filter, field or value the API would refuse, caught before any request was sent.

    Args:
        message: what is wrong and how to fix it.
        resource: the resource being called.
        parameter: the offending filter or field, where one is to blame.
    """

    def __init__(self, message: str, *, resource: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.resource = resource
        self.parameter = parameter


class APIError(IntervalsError):
    """The API answered with an error.

    Args:
        message: the API's ``error.message`` (or the HTTP reason phrase).
        status: the HTTP status.
        code: the API's ``error.code``, when the body carried one.
        verbose: the API's ``error.verbose`` details.
        method: the request's verb.
        path: the request's path and query.
        retry_after: the seconds the answer's ``Retry-After`` asked to wait (capped by
            `RetryPolicy.retry_after_max`), when it had one.
    """

    request_sent = True

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: int | None = None,
        verbose: Sequence[str] = (),
        method: str = "",
        path: str = "",
        retry_after: float | None = None,
    ) -> None:
        self.message = message
        self.status = status
        self.code = code
        self.verbose = tuple(verbose)
        self.method = method
        self.path = path
        self.retry_after = retry_after
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = f"{self.method} {self.path}: " if self.method else ""
        code = f"code {self.code}" if self.code is not None else "no error code"
        detail = f" ({'; '.join(self.verbose)})" if self.verbose else ""
        status = f"HTTP {self.status}, " if self.status else ""  # 0: raised before sending
        return f"{where}{status}{code}: {self.message}{detail}"


class AuthenticationError(APIError):
    """The token was refused (codes 2, 3, 7, 8, 9): check ``INTERVALS_TOKEN``."""


class AccountError(APIError):
    """The customer account is suspended, banned or unpaid (codes 4, 5, 6)."""


class PermissionDenied(APIError):
    """The token's user group may not use this verb on this resource (code 10)."""


class RateLimited(APIError):
    """The API refused the request for going over a limit (codes 11 and 12)."""


class DailyQuotaExceeded(RateLimited):
    """The account has used its daily requests (code 11); they come back at ``reset_at``.

    Args:
        reset_at: the next 00:00 GMT, an aware ``datetime``.
    """

    def __init__(self, message: str, *, reset_at: datetime, **kwargs: object) -> None:
        self.reset_at = reset_at
        super().__init__(message, **kwargs)  # type: ignore[arg-type]

    def _describe(self) -> str:
        return f"{super()._describe()}; the quota resets at {self.reset_at.isoformat()}"


class RequestsTooFast(RateLimited):
    """More than the allowed requests per minute came from this IP (code 12)."""


class NotFound(APIError):
    """No such resource type (code 13) or record (code 14)."""


class BadRequest(APIError):
    """The API refused the request's action, method, parameters or values (codes 15-18)."""


class ServerError(APIError):
    """The service failed (codes 1, 19, 20, or a 5xx answer without a code)."""


class GovernorTimeout(IntervalsError):
    """The rate governor could not grant a slot before the caller's deadline (``max_wait``).

    Raised as soon as the wait is known to be too long, rather than after sleeping; nothing was
    sent.

    Args:
        message: what was waited for.
        available_at: when a slot will be free, where the governor knows it.
    """

    request_sent = False

    def __init__(self, message: str, *, available_at: datetime | None) -> None:
        detail = f"; a slot is free at {available_at.isoformat()}" if available_at else ""
        super().__init__(message + detail)
        self.available_at = available_at


class DayClosed(IntervalsError):
    """The rate governor holds the account's day spent, so nothing was sent.

    The governor's own answer, not the API's: its count of the day reached the limit (or the
    share of it the call's priority may spend), or an earlier answer of the server (code 11,
    `DailyQuotaExceeded`) closed the day. Either way the requests come back at ``reset_at``; a
    client made with ``wait_for_reset=True`` waits for it instead.

    Args:
        message: whose day, and why.
        account: the account whose day is spent.
        reset_at: the next 00:00 GMT on the server's clock, an aware ``datetime``.
        by_server: whether a code 11 of the server closed the day (else the governor's count).
    """

    request_sent = False

    def __init__(self, message: str, *, account: str, reset_at: datetime, by_server: bool) -> None:
        super().__init__(f"{message}; the quota resets at {reset_at.isoformat()}")
        self.account = account
        self.reset_at = reset_at
        self.by_server = by_server


class StoreError(IntervalsError):
    """The governor's shared store (a SQLite file, a Redis server) could not be used.

    The governor fails closed: a request it cannot count is never sent, so nothing was. The
    message names the file or the URL (never a password). A Redis store that comes back is used
    again by the next request, without anything to restart.
    """

    request_sent = False


class TransportError(IntervalsError):
    """No usable answer came back.

    Args:
        message: what happened.
        request_sent: whether the request may have reached the server (for a write: whether it
            may have been carried out).
    """

    def __init__(self, message: str, *, request_sent: bool) -> None:
        super().__init__(message)
        self.request_sent = request_sent


class ConnectionFailed(TransportError):
    """The connection could not be made, or broke before the answer was read."""


class Timeout(TransportError):
    """A connect, read, write or pool timeout."""


class DecodeError(IntervalsError):
    """The answer's body was not the JSON the API sends (malformed or truncated)."""

    request_sent = True


class PagingError(IntervalsError):
    """The server's pages of a collection do not add up, so a walk cannot vouch for what it read.

    The walk stops at the first violation: what was yielded (or written) before it is exactly
    what the pages said. The server, not the SDK, is at fault: run again later, and if it keeps
    happening, read the collection with other filters or a smaller page size.

    Args:
        message: what was seen.
        resource: the collection walked.
        offset: where the walk stood.
        ids: the record ids involved.
    """

    request_sent = True

    def __init__(
        self, message: str, *, resource: str, offset: int, ids: tuple[int, ...] = ()
    ) -> None:
        self.resource = resource
        self.offset = offset
        self.ids = ids
        super().__init__(message)


class OrderViolation(PagingError):
    """A walk by ascending id got an id not above the one before it (``ids``: that pair): the
    server sorted otherwise, so records may have been skipped."""


class RepeatedRecords(PagingError):
    """A page held only records the walk already had (``ids``: the page's): the server seems to
    ignore ``offset``, and the walk would never end."""


class MissingRecords(PagingError):
    """The walk ended (an empty page) before the ``listcount`` the server announced: records it
    counted were not in its pages."""

    def __init__(self, message: str, *, resource: str, offset: int, listcount: int) -> None:
        super().__init__(message, resource=resource, offset=offset)
        self.listcount = listcount


class ResponseTooLarge(DecodeError):
    """The answer's body was larger than the client takes (``max_body_size``); reading stopped
    there, so memory stays bounded. Not retried: the same request would bring the same body."""


_BY_CODE: dict[int, type[APIError]] = {
    **dict.fromkeys((2, 3, 7, 8, 9), AuthenticationError),
    **dict.fromkeys((4, 5, 6), AccountError),
    10: PermissionDenied,
    11: DailyQuotaExceeded,
    12: RequestsTooFast,
    **dict.fromkeys((13, 14), NotFound),
    **dict.fromkeys((15, 16, 17, 18), BadRequest),
    **dict.fromkeys((1, 19, 20), ServerError),
}

_BY_STATUS: dict[int, type[APIError]] = {
    401: AuthenticationError,
    402: AccountError,
    403: PermissionDenied,
    404: NotFound,
    418: AccountError,
    429: RequestsTooFast,  # the HTTP way of saying code 12: nothing was done, wait
}


def error_class(status: int, code: int | None) -> type[APIError]:
    """The exception for an error answer: by API code, else by HTTP status."""
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code]
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, BadRequest if status == 400 else APIError)
