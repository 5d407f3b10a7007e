-- The completions the appeal subsystem was told of (one per application, from the completion events): whether each
-- was on time, for the public figures of how services keep their deadlines.
CREATE TABLE psga_completion (
    application_id  VARCHAR(32)  NOT NULL PRIMARY KEY,
    department      VARCHAR(40)  NOT NULL,
    service_code    VARCHAR(80)  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    on_time         BOOLEAN      NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_psga_completion_service ON psga_completion (department, service_code);
