"""The API's error codes, their HTTP statuses and the error envelope."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

__all__ = ["API_ERRORS", "ApiError", "error_body", "unrecognized"]

# code -> (HTTP status, message). Statuses from the errors page; where a live capture showed the
# real message (9, 10, 17) it wins over the page's wording, as the live service is the reference.
API_ERRORS: dict[int, tuple[int, str]] = {
    1: (500, "General error"),
    2: (401, "Customer account not found"),
    3: (401, "Customer account inactive"),
    4: (503, "Customer account suspended"),
    5: (418, "Customer account banned"),
    6: (402, "Paid account inactive due to non-payment"),
    7: (401, "User not found"),
    8: (401, "User not active"),
    9: (401, "User bad auth"),
    10: (403, "User not authorized to access this information"),
    11: (400, "Maximum number of daily API requests exceeded"),
    12: (400, "Requests too fast"),
    13: (400, "Resource type does not exist"),
    14: (404, "Resource does not exist"),
    15: (400, "Action not available for resource"),
    16: (400, "HTTP method not available"),
    17: (400, "Parameter not recognized"),
    18: (400, "Validation error"),
    19: (500, "Database error"),
    20: (502, "Service offline"),
}


class ApiError(Exception):
    """An Intervals error answer: raised inside the sandbox, rendered as the error envelope."""

    def __init__(self, code: int, *verbose: str) -> None:
        super().__init__(code, *verbose)
        self.code = code
        self.status = API_ERRORS[code][0]
        self.verbose = list(verbose)


def error_body(error: ApiError, personid: int | None) -> dict[str, Any]:
    """The error envelope; ``personid`` is a string here, as in the live captures, or ``null``."""
    return {
        "personid": None if personid is None else str(personid),
        "status": HTTPStatus(error.status).phrase,
        "code": error.status,
        "error": {
            "code": error.code,
            "message": API_ERRORS[error.code][1],
            "verbose": error.verbose,
        },
    }


def unrecognized(names: list[str]) -> ApiError:
    """Code 17, listing the unknown fields or filters as the live service does."""
    listed = ", ".join(dict.fromkeys(names))
    return ApiError(
        17, f"You supplied a field/filter that isn't available for this resource: {listed}"
    )
