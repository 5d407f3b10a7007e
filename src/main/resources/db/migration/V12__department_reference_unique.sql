-- A department's reference names one application: a status update found by reference must never find two. NULLs
-- (applications the department has not numbered yet) stay allowed, many at once, on H2 and PostgreSQL alike.
-- A database already holding one reference twice fails this migration: the two applications need an operator.
DROP INDEX ix_application_department_reference;
CREATE UNIQUE INDEX ux_application_department_reference ON application (department, department_reference);
