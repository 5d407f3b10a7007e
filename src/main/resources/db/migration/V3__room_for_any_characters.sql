-- The contract counts characters (code points); H2 counts UTF-16 units, two for a character outside the basic
-- plane (many Devanagari ligatures are inside it, emoji and some scripts are not). Columns holding text from
-- citizens or departments get room for twice the contract's limit, so valid input never fails to store.
ALTER TABLE application ALTER COLUMN applicant_name SET DATA TYPE VARCHAR(200);
ALTER TABLE application ALTER COLUMN applicant_email SET DATA TYPE VARCHAR(508);
ALTER TABLE application ALTER COLUMN department_reference SET DATA TYPE VARCHAR(200);
ALTER TABLE application_history ALTER COLUMN remark SET DATA TYPE VARCHAR(1000);
ALTER TABLE application_history ALTER COLUMN reason SET DATA TYPE VARCHAR(1000);
