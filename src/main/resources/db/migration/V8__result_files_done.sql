-- A result file is claimed when a hub node first lists it (CAMEL_MESSAGEPROCESSED, so two nodes never both read
-- it) and marked done here once its rows are applied. A claim that stays undone for long (its node died
-- halfway) is released, so the file is read again by whichever node comes next: nothing is lost.
CREATE TABLE result_file_done (
    file_key  VARCHAR(100) NOT NULL PRIMARY KEY,
    done_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
