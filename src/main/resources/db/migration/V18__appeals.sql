-- The appeal subsystem's own tables (PSGA auto-appeal). It reads the applications' deadlines through its port
-- (appeal.PsgaDeadlines) and is told of completions by the completion events.

-- One appeal per application, grounds and level: however often a sweep or an event comes, on however many nodes.
CREATE TABLE appeal (
    appeal_id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    application_id      VARCHAR(32)   NOT NULL,
    level               INTEGER       NOT NULL,
    -- DELAY, REJECTED_WITHOUT_REASON, DEFICIENT_SERVICE
    grounds             VARCHAR(32)   NOT NULL,
    service_code        VARCHAR(80)   NOT NULL,
    department          VARCHAR(40)   NOT NULL,
    district            VARCHAR(40),
    authority           VARCHAR(200)  NOT NULL,
    filed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    decide_by           TIMESTAMP WITH TIME ZONE NOT NULL,
    -- PENDING, ESCALATED (moved to level 2), ALLOWED, DISMISSED
    status              VARCHAR(16)   NOT NULL,
    -- The application's deadline when the appeal was filed, and when it was delivered or decided after it.
    due_by              TIMESTAMP WITH TIME ZONE,
    delivered_late_at   TIMESTAMP WITH TIME ZONE,
    escalated_from      VARCHAR(40),
    outcome             VARCHAR(16),
    directions          VARCHAR(2000),
    penalty_amount      NUMERIC(12, 2),
    compensation_amount NUMERIC(12, 2),
    decided_at          TIMESTAMP WITH TIME ZONE,
    decided_by          VARCHAR(100),
    CONSTRAINT uk_appeal_once UNIQUE (application_id, grounds, level)
);

-- The escalation sweep: first appeals past their decideBy, one indexed range.
CREATE INDEX ix_appeal_status_decide_by ON appeal (status, level, decide_by);
CREATE INDEX ix_appeal_application ON appeal (application_id);

-- Where each sweep has got to: the overdue sweep walks the applications' deadlines in order, once. Its row is locked
-- for the sweep's transaction, so one node sweeps at a time and the next starts where it ended.
CREATE TABLE psga_sweep (
    name                VARCHAR(40)   NOT NULL PRIMARY KEY,
    due_by_after        TIMESTAMP WITH TIME ZONE,
    application_after   VARCHAR(32),
    swept_at            TIMESTAMP WITH TIME ZONE
);
INSERT INTO psga_sweep (name) VALUES ('first-appeals');

-- The overdue sweep's one indexed query: the applications whose deadline came since the last sweep.
CREATE INDEX ix_application_due_by ON application (due_by, application_id);
