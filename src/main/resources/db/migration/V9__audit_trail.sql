-- The audit trail: every change the hub makes (a submission, a status change and the channel that reported it, a
-- dispatch that failed, a dead letter replayed) is appended here in the same transaction as the change itself, so
-- a change without its entry, or an entry without its change, can never be committed.
-- Each entry is chained to the one before by a SHA-256 hash over its content and the previous hash (AuditHash), so
-- changing, deleting or inserting a row afterwards breaks the chain at that row and verification names it.
CREATE TABLE audit_entry (
    -- The entry's position in the one chain, from 1 with no gaps; taken from audit_head under its row lock, so two
    -- hub nodes appending at once still make one chain. The primary key refuses a second entry at a position.
    sequence        BIGINT       NOT NULL PRIMARY KEY,
    -- When the change was made, from the hub's clock, to the millisecond (the precision the hash covers).
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Who made it: the verified client id of the caller, or 'hub' for the hub's own work (polls, result files,
    -- the department's answer to a dispatch).
    client_id       VARCHAR(100) NOT NULL,
    -- What was done: APPLICATION_SUBMITTED, STATUS_CHANGED, DISPATCH_FAILED, DEAD_LETTER_REPLAYED.
    action          VARCHAR(40)  NOT NULL,
    -- How it reached the hub: portal, callback, poll, result-file, dispatch or operator.
    channel         VARCHAR(20),
    application_id  VARCHAR(32),
    department      VARCHAR(40),
    status_before   VARCHAR(24),
    status_after    VARCHAR(24),
    -- A short note written by the hub itself (a service code, a department's status code, a dead letter's id);
    -- never citizen data, never a remark or reason written by a department.
    detail          VARCHAR(500),
    -- The hash of the entry before (64 zeros for the first) and this entry's own hash, both lower-case hex.
    previous_hash   VARCHAR(64)  NOT NULL,
    hash            VARCHAR(64)  NOT NULL
);

-- Reading one application's entries, and entries of a period, without scanning the whole trail.
CREATE INDEX ix_audit_entry_application ON audit_entry (application_id, sequence);
CREATE INDEX ix_audit_entry_recorded_at ON audit_entry (recorded_at, sequence);

-- The head of the chain, one row: the last sequence and hash. An append locks this row (SELECT ... FOR UPDATE) for
-- the rest of its transaction, which serialises appends across every hub node sharing the database. Verification
-- also compares it with the last entry, so removing the newest entries without fixing the head is seen.
CREATE TABLE audit_head (
    -- Always 1: the table holds the one head of the one chain.
    id              INTEGER      NOT NULL PRIMARY KEY,
    last_sequence   BIGINT       NOT NULL,
    last_hash       VARCHAR(64)  NOT NULL,
    CONSTRAINT ck_audit_head_single CHECK (id = 1)
);

INSERT INTO audit_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
