-- The PSGA clock stops while an application is with the citizen (RETURNED_TO_CITIZEN): when it stopped this time
-- (NULL while it runs), and how long it was stopped before, in seconds. due_by is moved on by the time stopped.
ALTER TABLE application ADD COLUMN clock_stopped_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE application ADD COLUMN clock_stopped_seconds BIGINT DEFAULT 0 NOT NULL;
