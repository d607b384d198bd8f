"""intervals-async: the async Python SDK for the Intervals time-tracking API.

``IntervalsClient`` covers every resource of the API with typed models and typed parameters;
every request, retries included, passes through a rate governor. ``BlockingIntervalsClient`` is
the same without ``async``, for scripts and notebooks. `intervals_async.models` holds the models,
`intervals_async.sandbox` a faithful local fake of the API.
"""

from __future__ import annotations

import typing as _typing

from ._cache import CachePolicy as CachePolicy
from ._cache import ClientStatistics as ClientStatistics
from ._cache import ResponseCache as ResponseCache
from ._client import IntervalsClient as IntervalsClient
from ._clock import Clock as Clock
from ._clock import LoopClock as LoopClock
from ._clock import SystemClock as SystemClock
from ._clock import VirtualClock as VirtualClock
from ._exceptions import AccountError as AccountError
from ._exceptions import APIError as APIError
from ._exceptions import AuthenticationError as AuthenticationError
from ._exceptions import BadRequest as BadRequest
from ._exceptions import ConnectionFailed as ConnectionFailed
from ._exceptions import DailyQuotaExceeded as DailyQuotaExceeded
from ._exceptions import DayClosed as DayClosed
from ._exceptions import DecodeError as DecodeError
from ._exceptions import GovernorTimeout as GovernorTimeout
from ._exceptions import IntervalsError as IntervalsError
from ._exceptions import InvalidParameter as InvalidParameter
from ._exceptions import MissingRecords as MissingRecords
from ._exceptions import NotFound as NotFound
from ._exceptions import OrderViolation as OrderViolation
from ._exceptions import PagingError as PagingError
from ._exceptions import PermissionDenied as PermissionDenied
from ._exceptions import RateLimited as RateLimited
from ._exceptions import RepeatedRecords as RepeatedRecords
from ._exceptions import RequestsTooFast as RequestsTooFast
from ._exceptions import ResponseTooLarge as ResponseTooLarge
from ._exceptions import ServerError as ServerError
from ._exceptions import StoreError as StoreError
from ._exceptions import Timeout as Timeout
from ._exceptions import TransportError as TransportError
from ._params import NOT_GIVEN as NOT_GIVEN
from ._params import NotGiven as NotGiven
from ._plan import CollectionCost as CollectionCost
from ._plan import CostPlan as CostPlan
from ._plan import plan_cost as plan_cost
from ._retry import RetryPolicy as RetryPolicy
from ._version import __version__ as __version__
from .governor import Priority as Priority

__all__ = [
    "NOT_GIVEN",
    "APIError",
    "AccountError",
    "AuthenticationError",
    "BadRequest",
    "BlockingIntervalsClient",
    "CachePolicy",
    "ClientStatistics",
    "Clock",
    "CollectionCost",
    "ConnectionFailed",
    "CostPlan",
    "DailyQuotaExceeded",
    "DayClosed",
    "DecodeError",
    "GovernorTimeout",
    "IntervalsClient",
    "IntervalsError",
    "InvalidParameter",
    "LoopClock",
    "MissingRecords",
    "NotFound",
    "NotGiven",
    "OrderViolation",
    "PagingError",
    "PermissionDenied",
    "Priority",
    "RateLimited",
    "RepeatedRecords",
    "RequestsTooFast",
    "ResponseCache",
    "ResponseTooLarge",
    "RetryPolicy",
    "ServerError",
    "StoreError",
    "SystemClock",
    "Timeout",
    "TransportError",
    "VirtualClock",
    "__version__",
    "plan_cost",
]

if _typing.TYPE_CHECKING:
    from ._blocking import BlockingIntervalsClient as BlockingIntervalsClient

# Made on first use: its generated namespaces cost an async program's start a tenth of a second.
_LAZY = ("BlockingIntervalsClient",)


def __getattr__(name: str) -> _typing.Any:
    if name == "BlockingIntervalsClient":
        from ._blocking import BlockingIntervalsClient

        BlockingIntervalsClient.__module__ = __name__
        globals()[name] = BlockingIntervalsClient
        return BlockingIntervalsClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


for _name in __all__:
    if _name not in ("__version__", "Priority", "NOT_GIVEN", *_LAZY):
        globals()[_name].__module__ = __name__
