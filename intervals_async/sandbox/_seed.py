"""Seeded, referentially whole data for a sandbox account.

The same seed always gives the same records. Names mix plain ASCII, accents, CJK and characters
the service HTML-escapes (``&``, ``<``, ``"``, ``'``), so clients meet the quirks on day one.
"""

from __future__ import annotations

import random
import string
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from ._config import AccountSpec, DataSize
from ._store import AccountData

__all__ = ["GROUPS", "seed_account"]

GROUPS = ("Administrator", "Manager", "Resource", "Executive")

_CLIENTS = (
    "US-Travel & Expenses",
    "Zürich Bau GmbH",
    "東京デザイン株式会社",
    'Café "Nord" <Ost>',
    "O'Brien & Sons",
    "Acme Widgets",
    "Łódź Software",
    "Nordic Fjord AS",
)
_FIRST = (
    "Ada",
    "José",
    "Zoë",
    "Björn",
    "Mei",
    "Olu",
    "Søren",
    "Amélie",
    "Raj",
    "Ngozi",
    "Li",
    "Sam",
)
_LAST = ("Lovelace", "Núñez", "O'Neil", "Müller", "Chen", "Adeyemi", "Kierkegaard", "Dubois")
_PROJECTS = ("Website", "Mobile app", "Data & Analytics", "Migration <v2>", "Support", "Brand")
_MODULES = ("Design", "Development", "Deployment", "QA & Testing", "Meetings")
_WORKTYPES = (("Consulting", 120), ("Development", 95), ("Design", 85), ("Non-billable", 0))
_STATUSES = (("Open", False), ("In progress", False), ("Review", False), ("Closed", True))
_PRIORITIES = (("Low", "8BC34A"), ("Medium", "FFDD00"), ("High", "FF9800"), ("Urgent", "F44336"))
_VERBS = ("Fix", "Design", "Review", "Write", "Deploy", "Plan")
_THINGS = (
    "login page",
    "invoice PDF",
    "API & webhooks",
    "“smart” search",
    "onboarding",
    "café menu",
)


def _token(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_lowercase + string.digits, k=11))


def seed_account(
    spec: AccountSpec,
    size: DataSize,
    seed: int,
    now: float,
    *,
    group_ids: tuple[int, int, int, int],
) -> AccountData:
    """Build one account's data, as of epoch time ``now``; ``group_ids`` in `GROUPS` order."""
    rng = random.Random(f"{seed}:{spec.name}")
    # the login times' microseconds come from a stream of their own, so the rest of the data
    # is what the same seed always gave
    logins = random.Random(f"{seed}:{spec.name}:logins")
    account = AccountData(spec, first_id=rng.randrange(100_000, 900_000) * 10)
    today = datetime.fromtimestamp(now, UTC).date()
    stamp = datetime.fromtimestamp(now, UTC).replace(tzinfo=None, microsecond=0)

    def past(days: int) -> date:
        return today - timedelta(days=rng.randrange(days + 1))

    def when(days: int) -> datetime:
        return stamp - timedelta(seconds=rng.randrange(days * 86_400 + 1))

    def money(low: int, high: int) -> Decimal:
        return Decimal(rng.randrange(low * 100, high * 100 + 1)) / 100

    # group ids are small and the same in every account (Resource is 4 in a live /me/)
    groups = [
        account.add("group", {"id": i, "name": g}) for i, g in zip(group_ids, GROUPS, strict=True)
    ]
    for name in ("Email", "Phone", "Address"):
        kind = account.add("contacttype", {"name": name})
        for label in ("Work", "Home"):
            account.add("contactdescriptor", {"contacttypeid": kind["id"], "name": label})
    for name, days in (("Net 15", 15), ("Net 30", 30), ("Due on receipt", 0)):
        account.add("invoiceterm", {"name": name, "days": days})
    for name in ("Check", "Credit card", "Bank transfer"):
        account.add("paymenttype", {"name": name})
    labels = [
        account.add(
            "projectlabel", {"name": name, "color": color, "priority": i + 1, "active": True}
        )
        for i, (name, color) in enumerate((("Retainer", "3F51B5"), ("Internal", "9E9E9E")))
    ]
    statuses = [
        account.add("taskstatus", {"name": n, "priority": i + 1, "frozen": f, "active": True})
        for i, (n, f) in enumerate(_STATUSES)
    ]
    priorities = [
        account.add(
            "taskpriority",
            {"name": n, "color": c, "priority": i + 1, "isdefault": i == 1, "active": True},
        )
        for i, (n, c) in enumerate(_PRIORITIES)
    ]
    modules = [
        account.add("module", {"name": n, "description": None, "active": True}) for n in _MODULES
    ]
    worktypes = [
        account.add("worktype", {"name": n, "defaulthourlyrate": Decimal(r), "active": True})
        for n, r in _WORKTYPES
    ]

    clients = [
        account.add(
            "client",
            {
                "name": _CLIENTS[i % len(_CLIENTS)] + ("" if i < len(_CLIENTS) else f" {i}"),
                "datecreated": past(900),
                "description": "" if i % 2 else "Key account & partner",
                "email": f"billing{i}@example.com",
                "website": f"https://client{i}.example.com",
                "phone": f"+1 555 01{i:02d}",
                "fax": "",
                "address": f"{i + 1} Main Street",
                "active": i % 7 != 6,
            },
        )
        for i in range(size.clients)
    ]

    people = []
    for i in range(size.people):
        # the first person is the account's Administrator, whose token the sandbox prints
        group = groups[0] if i == 0 else groups[[0, 1, 2, 2, 2, 3][i % 6]]
        first, last = _FIRST[i % len(_FIRST)], _LAST[i % len(_LAST)]
        executive = group["name"] == "Executive"
        people.append(
            account.add(
                "person",
                {
                    "clientid": clients[i % len(clients)]["id"] if executive and clients else None,
                    "title": "" if i % 3 else "Lead",
                    "firstname": first,
                    "lastname": last,
                    "primaryaccount": i == 0,
                    "notes": "",
                    "allprojects": group["name"] in ("Administrator", "Manager"),
                    "private": False,
                    "tips": i % 2 == 0,
                    "username": f"{first.lower()}.{i}@example.com",
                    "email": f"{first.lower()}.{i}@example.com",
                    "groupid": group["id"],
                    "active": i == 0 or i % 9 != 8,
                    "restricttasks": False,
                    "numlogins": rng.randrange(1, 400),
                    # the live lastlogin has microseconds, the live offset is a city list
                    "lastlogin": when(30).replace(microsecond=logins.randrange(1_000_000)),
                    "timezone": "Europe/London" if i % 2 else "Asia/Calcutta",
                    "timezone_offset": (
                        "Dublin, Edinburgh, Lisbon, London"
                        if i % 2
                        else "Chennai, Kolkata, Mumbai, New Delhi"
                    ),
                    "calendarorientation": 0,
                    "editordisabled": 0,
                },
            )
        )
        account.tokens[_token(rng)] = people[-1]["id"]
    staff = [p for p in people if p["groupid"] != groups[3]["id"]]
    managers = [p for p in people if p["groupid"] in (groups[0]["id"], groups[1]["id"])]
    kind = next(iter(account.table("contacttype").values()))
    for person in people[:4]:
        descriptor = next(
            d
            for d in account.table("contactdescriptor").values()
            if d["contacttypeid"] == kind["id"]
        )
        account.add(
            "personcontact",
            {
                "personid": person["id"],
                "contacttypeid": kind["id"],
                "contactdescriptorid": descriptor["id"],
                "value": person["email"],
            },
        )

    projects = []
    for i in range(size.projects):
        start = past(600)
        project = account.add(
            "project",
            {
                "name": f"{_PROJECTS[i % len(_PROJECTS)]} {i + 1}",
                "clientid": clients[i % len(clients)]["id"] if clients else None,
                "managerid": [rng.choice(managers)["id"]],
                "description": "Phase 1 & 2",
                "datestart": start,
                "dateend": None if i % 3 else start + timedelta(days=365),
                "budget": money(1_000, 50_000),
                "billable": i % 4 != 3,
                "active": i % 5 != 4,
                "alert_percent": Decimal(80),
                # a third unlabelled; the labels' names sort against their order
                "labelid": None if i % 3 == 0 else labels[i % 2]["id"],
                "datecreated": start,
            },
        )
        projects.append(project)
        team = rng.sample(staff, k=min(len(staff), 3))
        account.table("projectteam")[project["id"]] = {
            "id": project["id"],
            "projectid": project["id"],
            "personid": sorted(p["id"] for p in team),
        }
        for module in modules[:3]:
            account.add(
                "projectmodule",
                {
                    "projectid": project["id"],
                    "moduleid": module["id"],
                    "description": None,
                    "active": True,
                },
            )
        for worktype in worktypes:
            account.add(
                "projectworktype",
                {
                    "projectid": project["id"],
                    "worktypeid": worktype["id"],
                    "hourlyrate": worktype["defaulthourlyrate"],
                    "esttime": Decimal(0),
                    "active": True,
                },
            )
        account.add(
            "milestone",
            {
                "projectid": project["id"],
                "ownerid": project["managerid"],
                "title": f"Launch {i + 1}",
                "datedue": start + timedelta(days=90),
                "description": "",
                "complete": i % 2 == 0,
            },
        )
        account.add(
            "projectnote",
            {
                "projectid": project["id"],
                "authorid": project["managerid"][0],
                "title": "Kick-off",
                "note": "<p>Scope & goals</p>",
                "secure": False,
                "date": when(200),
            },
        )

    milestones = list(account.table("milestone").values())
    tasks = []
    for i in range(size.tasks if projects else 0):
        project = projects[i % len(projects)]
        status = statuses[rng.randrange(len(statuses))]
        opened = past(300)
        milestone = milestones[i % len(milestones)] if i % 4 == 0 else None
        team = account.table("projectteam")[project["id"]]["personid"]
        created = when(300)
        tasks.append(
            account.add(
                "task",
                {
                    "queueid": None,
                    "title": f"{_VERBS[i % len(_VERBS)]} {_THINGS[i % len(_THINGS)]} #{i + 1}",
                    "projectid": project["id"],
                    "moduleid": modules[i % 3]["id"],
                    "statusid": status["id"],
                    "priorityid": priorities[i % len(priorities)]["id"],
                    "ownerid": [project["managerid"][0]],
                    "assigneeid": rng.sample(team, k=min(len(team), 1 + i % 2)),
                    "followerid": [],
                    "milestoneid": milestone["id"] if milestone else None,
                    "summary": "" if i % 3 else "Steps: 1 < 2 & 3 > 2",
                    "dateopen": opened,
                    "datedue": opened + timedelta(days=14) if i % 2 else None,
                    "dateclosed": opened + timedelta(days=7) if status["frozen"] else None,
                    "estimate": Decimal(i % 8),
                    "datemodified": created,
                    "datecreated": created.date(),
                },
            )
        )
        if i % 5 == 0:
            account.add(
                "tasknote",
                {
                    "taskid": tasks[-1]["id"],
                    "authorid": tasks[-1]["ownerid"][0],
                    "note": "Looks good &mdash; ship it",
                    "public": i % 2 == 0,
                    "date": when(10),
                    "datemodified": when(10),
                },
            )

    for i in range(size.time_entries if projects else 0):
        task = tasks[i % len(tasks)] if tasks and i % 4 else None
        project = (
            account.table("project")[task["projectid"]] if task else projects[i % len(projects)]
        )
        team = account.table("projectteam")[project["id"]]["personid"]
        worktype = worktypes[i % len(worktypes)]
        account.add(
            "time",
            {
                "projectid": project["id"],
                "moduleid": task["moduleid"] if task else modules[i % 3]["id"],
                "taskid": task["id"] if task else None,
                "worktypeid": worktype["id"],
                "personid": team[i % len(team)],
                "date": past(120),
                "datemodified": when(120),
                "time": Decimal(rng.randrange(1, 33)) / 4,
                "description": "" if i % 3 else "Pairing & review",
                "billable": project["billable"] and worktype["defaulthourlyrate"] > 0,
                "approved": i % 6 == 0,
                "hourlyrate": worktype["defaulthourlyrate"],
                "milestoneid": task["milestoneid"] if task else None,
            },
        )

    for i, person in enumerate(staff[:4]):
        task = tasks[i] if tasks and i % 2 == 0 else None
        account.add(
            "timer",
            {
                "personid": person["id"],
                "taskid": task["id"] if task else None,
                "name": "Meeting with Client Y" if task is None else "",
                "starttime": stamp - timedelta(minutes=20) if i % 2 == 0 else None,
                "time": Decimal(600 * (i + 1)),
                "lastupdate": today,
            },
        )

    for project in projects[:4]:
        for n in range(2):
            account.add(
                "expense",
                {
                    "projectid": project["id"],
                    "personid": people[0]["id"],
                    "date": past(60),
                    "expense": money(10, 500),
                    "fee": money(10, 600),
                    "note": "Train & hotel" if n else "Software licence",
                },
            )
    terms = list(account.table("invoiceterm").values())
    for i, project in enumerate(projects[:3]):
        issued = past(90)
        invoice = account.add(
            "invoice",
            {
                "projectid": project["id"],
                "date": issued,
                "termid": terms[i % len(terms)]["id"],
                "termother": None,
                "termotherdatedue": None,
                "title": f"Invoice {project['name']}",
                "description": "",
                "addressfrom": "Our Studio, 1 High St",
                "addressto": "Client HQ",
                "purchaseorder": f"PO-{i + 100}",
                "tax": Decimal("8.25"),
                "secondtax": Decimal(0),
                "secondtaxcompound": False,
                "disclaimer": "",
                "datebegin": None,
                "dateend": None,
                "status": ("draft", "sent", "paid")[i % 3],
                "datedue": issued + timedelta(days=30),
            },
        )
        amount = money(500, 5_000)
        account.add(
            "invoiceitem",
            {
                "invoiceid": invoice["id"],
                "name": "Development",
                "description": "Sprint work",
                "quantity": Decimal(10),
                "rate": amount / 10,
                "amount": amount,
            },
        )
        account.add(
            "invoicenote",
            {
                "invoiceid": invoice["id"],
                "authorid": people[0]["id"],
                "title": "Sent by email",
                "note": "",
                "date": issued,
            },
        )
        if i % 3 == 2:
            account.add(
                "payment",
                {
                    "projectid": project["id"],
                    "date": issued + timedelta(days=20),
                    "amount": amount,
                    "typeid": min(account.table("paymenttype")),
                    "reference": f"TX-{i}",
                    "note": "",
                    "invoiceid": invoice["id"],
                    "personid": people[0]["id"],
                },
            )
    for i, milestone in enumerate(milestones[:3]):
        account.add(
            "milestonenote",
            {
                "milestoneid": milestone["id"],
                "authorid": people[0]["id"],
                "note": "On track",
                "public": i % 2 == 0,
                "date": when(30),
            },
        )
    for i, project in enumerate(projects[:3]):
        account.add(
            "request",
            {
                "personid": people[-1]["id"],
                "projectid": project["id"],
                "priorityid": priorities[i % len(priorities)]["id"],
                "title": f"Please add export #{i + 1}",
                "datedue": None,
                "description": "From the client portal",
                "date": past(30),
                "email": people[-1]["email"],
            },
        )
    for i, task in enumerate(tasks[:3]):
        content = f"%PDF-1.4\n% sandbox document {i}\n".encode() + bytes(range(256))
        document = account.add(
            "document",
            {
                "title": f"Spec {i + 1}.pdf",
                "filename": f"spec-{i + 1}.pdf",
                "filetype": "application/pdf",
                "filesize": len(content),
                "public": i % 2 == 0,
                "taskid": task["id"],
                "milestoneid": None,
                "projectid": task["projectid"],
                "moduleid": task["moduleid"],
                "personid": people[0]["id"],
                "queueid": None,
                "tag": "spec,design" if i % 2 == 0 else "contract",
                "datemodified": when(60),
                "active": True,
            },
        )
        account.documents[document["id"]] = content
    account.add(
        "tasklistfilter",
        {
            "filtertypeid": 1,
            "personid": people[0]["id"],
            "title": "My open tasks",
            "subfilterid": None,
            "shared": False,
            "scheduled": False,
            "filtertype": "Task list",
            "datesent": None,
        },
    )
    return account
