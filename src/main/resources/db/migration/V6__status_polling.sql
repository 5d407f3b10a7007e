-- Departments that are polled for status are polled in batches, the applications polled longest ago first, so that
-- every open application comes round in turn however many there are.
ALTER TABLE application ADD COLUMN last_polled_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_application_polling ON application (department, status, last_polled_at);
