"""The converter: every wire quirk to Python and back, and fields the docs do not list kept."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intervals_async import DecodeError
from intervals_async._convert import envelope_int, structure, wire_value
from intervals_async._wire import escape_text
from intervals_async.models import MODELS, Me, Project, Quota, Task, TaskPerson, Time


def test_time_record_from_the_live_capture() -> None:
    # The POST /time/ answer of the spec (values as strings, "f", null, an HTML entity).
    wire = {
        "id": "106771433",
        "projectid": "959242",
        "moduleid": "199981",
        "taskid": "12345678",
        "worktypeid": "123456",
        "personid": "375922",
        "date": "2025-03-11",
        "datemodified": "2025-03-11 05:33:08",
        "time": "1",
        "description": "Testing API time entry",
        "billable": "f",
        "worktype": "US-Travel &amp; Expenses",
        "milestoneid": None,
        "ogmilestoneid": None,
        "module": "Deployment",
    }
    entry = structure(wire, Time)
    assert entry.id == 106771433
    assert entry.taskid == 12345678
    assert entry.date == dt.date(2025, 3, 11)
    assert entry.datemodified == dt.datetime(2025, 3, 11, 5, 33, 8)
    assert entry.time == Decimal("1")
    assert entry.billable is False
    assert entry.worktype == "US-Travel & Expenses"
    assert entry.milestoneid is None
    assert entry.approved is None  # not in the answer: None, not an error
    assert entry.extra == {}


def test_task_member_nested_people_csv_and_blank() -> None:
    wire = {
        "id": "16319794",
        "localid": "5416",
        "assignee": [
            {
                "personid": "111",
                "assignee": "A &amp; B",
                "assigneeactive": "t",
                "personlocalid": "3",
            }
        ],
        "assigneeid": "111,222",
        "follower": [],
        "followerid": "",
        "ownerid": "333",
        "summary": "",
        "datedue": None,
        "estimate": "0",
        "priority": "Medium",
    }
    task = structure(wire, Task)
    assert task.assignee == (TaskPerson(personid=111, name="A & B", active=True, personlocalid=3),)
    assert task.assigneeid == (111, 222)
    assert task.followerid == ()
    assert task.ownerid == (333,)
    assert task.owner == ()
    assert task.summary == ""  # an empty text stays empty text
    assert task.estimate == Decimal("0")
    assert hash(task) == hash(structure(wire, Task))  # frozen and hashable


def test_blank_means_none_for_non_text_and_extras_are_kept() -> None:
    project = structure(
        {"id": "5", "dateend": "", "budget": "", "label_color": "FF&amp;", "newfield": 3}, Project
    )
    assert project.dateend is None
    assert project.budget is None
    assert project.extra == {"label_color": "FF&", "newfield": 3}


def test_me_and_quota() -> None:
    me = structure(
        {"id": "1", "lastlogin": "2025-03-11 04:47:37.874454", "timezone": "Asia/Calcutta"}, Me
    )
    assert me.lastlogin == dt.datetime(2025, 3, 11, 4, 47, 37, 874454)
    quota = structure(
        {"quota": "6000", "used": "91", "next_reset": "2026-05-09 00:00:00", "exceeded": "f"},
        Quota,
    )
    assert (quota.quota, quota.used, quota.exceeded) == (6000, 91, False)
    assert quota.next_reset == dt.datetime(2026, 5, 9)
    assert quota.resets_at == dt.datetime(2026, 5, 9, tzinfo=dt.UTC)  # aware, as the SDK's are


@pytest.mark.parametrize("value", [200, "200", 375922, "375922"])
def test_envelope_numbers_may_be_strings(value: object) -> None:
    assert envelope_int(value) == int(str(value))
    assert envelope_int(None) is None


@pytest.mark.parametrize(
    ("wire", "field"),
    [({"id": "x"}, "integer"), ({"id": "1", "billable": "maybe"}, "boolean"), ({}, "id")],
)
def test_bad_records_name_the_problem(wire: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        structure(wire, Time)
    assert not issubclass(DecodeError, ValueError)  # the client wraps these as DecodeError


def test_every_model_reads_a_minimal_record() -> None:
    for name, model in MODELS.items():
        record = structure({} if name == "quota" else {"id": "7"}, model)
        assert isinstance(record, model)


def test_values_go_back_to_the_wire_as_documented() -> None:
    assert wire_value(True) == "t"
    assert wire_value(False) == "f"
    assert wire_value(Decimal("1.50")) == "1.5"
    assert wire_value(Decimal("1E+2")) == "100"
    assert wire_value(dt.date(2026, 1, 2)) == "2026-01-02"
    assert wire_value(dt.datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02 03:04:05"
    assert wire_value([3, 5, 11]) == "3,5,11"
    assert wire_value(7) == "7"  # ids and numbers as JSON strings, as the live captures sent
    assert wire_value("A & B") == "A & B"  # sent raw: the server escapes what it stores


@given(
    ident=st.integers(1, 10**12),
    hours=st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False),
    billable=st.booleans(),
    day=st.dates(),
    text=st.text(),
    owners=st.lists(st.integers(1, 10**9), max_size=5),
)
def test_round_trip(
    ident: int, hours: Decimal, billable: bool, day: dt.date, text: str, owners: list[int]
) -> None:
    """What the client sends, rendered the way the server renders it, reads back equal."""
    text = text.replace("\x00", "")
    wire = {
        "id": str(ident),
        "time": wire_value(hours),
        "billable": wire_value(billable),
        "date": wire_value(day),
        "description": escape_text(text),  # the server sends stored text escaped
    }
    entry = structure(wire, Time)
    assert (entry.id, entry.time, entry.billable, entry.date) == (ident, hours, billable, day)
    assert entry.description == text
    task = structure({"id": "1", "ownerid": wire_value(owners)}, Task)
    assert task.ownerid == tuple(owners)
