-- Status updates from departments: the reason a department gives for a rejection or a return is kept with the
-- history entry, and applications are found by the department's own reference.
ALTER TABLE application_history ADD COLUMN reason VARCHAR(500);

CREATE INDEX ix_application_department_reference ON application (department, department_reference);
