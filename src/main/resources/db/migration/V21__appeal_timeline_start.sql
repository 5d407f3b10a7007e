-- When the application's PSGA timeline started (its acknowledgement): with due_by, the period whose department
-- outages an appeal shows, so that an authority can tell a system failure from an officer's delay.
ALTER TABLE appeal ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
