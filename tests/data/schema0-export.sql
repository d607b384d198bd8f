-- A SQLite export written by intervals-async at c2ec922, the schema before versions (user_version 0)
-- while Time.dateiso was text: a sandbox(seed=1, DataSize(1, 4, 1, 3, 6)) on a clock at 1767225600,
-- Export(resources=[time, task], format=sqlite, page_size=2) stopped at its budget after one page.
-- Dumped with sqlite3.Connection.iterdump(); loaded by tests/export/test_schema.py.
BEGIN TRANSACTION;
CREATE TABLE _export (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "_export" VALUES('job','{"format": "sqlite", "resources": {"time": {}, "task": {}}}');
INSERT INTO "_export" VALUES('progress:time','{"offset": 2, "records": 2, "last_id": 5350172, "size": 0, "listcount": 6, "done": false}');
CREATE TABLE "time" ("id" INTEGER PRIMARY KEY, "projectid" INTEGER, "moduleid" INTEGER, "taskid" INTEGER, "worktypeid" INTEGER, "personid" INTEGER, "date" DATE, "datemodified" DATETIME, "time" NUMERIC, "description" TEXT, "billable" BOOLEAN, "approved" BOOLEAN, "hourlyrate" NUMERIC, "milestoneid" INTEGER, "ogmilestoneid" INTEGER, "clientid" INTEGER, "project" TEXT, "client" TEXT, "module" TEXT, "task" TEXT, "worktype" TEXT, "person" TEXT, "milestone" TEXT, "dateiso" TEXT, "firstname" TEXT, "lastname" TEXT, "extra" JSON);
INSERT INTO "time" VALUES(5350171,5350157,5350139,NULL,5350144,5350149,'2025-12-09','2025-11-27T07:48:11',4,'Pairing & review',1,1,120,NULL,NULL,5350148,'Website 1','US-Travel & Expenses','Design',NULL,'Consulting','Ada Lovelace',NULL,NULL,NULL,NULL,'{}');
INSERT INTO "time" VALUES(5350172,5350157,5350140,5350169,5350145,5350151,'2025-10-17','2025-09-11T18:50:08',6.75,'',1,0,95,NULL,NULL,5350148,'Website 1','US-Travel & Expenses','Development','Design invoice PDF #2','Development','Zoë O''Neil',NULL,NULL,NULL,NULL,'{}');
COMMIT;
