-- The designated officer's warning, at a share of the PSGA timeline (sangam.appeal.warn-at-share, 80% by default):
-- when it falls due, set by the PSGA clock wherever due_by is set or moved (at submission, and when the clock runs
-- again after a return to the citizen). NULL for an application submitted before this: it is never warned.
ALTER TABLE application ADD COLUMN warn_at TIMESTAMP WITH TIME ZONE;

-- The warning sweep's one indexed query: the applications whose warning came since the last sweep.
CREATE INDEX ix_application_warn_at ON application (warn_at, application_id);

-- Its own cursor, walked like 'first-appeals' (here due_by_after holds the last warn_at the sweep passed).
INSERT INTO psga_sweep (name) VALUES ('warnings');
