-- What became of each survey's SMS and of the citizen's answer (feedback subsystem).

-- state: PENDING (waiting for send_after), QUEUED (handed to the SMS sender), SENT (the gateway took it), REFUSED
-- (the gateway refused it; a dead letter says why and can be replayed).
ALTER TABLE feedback_survey ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
-- The token of the SMS's delivery-report URL: unguessable, as the gateway calls that URL without credentials.
ALTER TABLE feedback_survey ADD COLUMN message_token VARCHAR(16);
-- How many parts the gateway bills for the SMS, and in which coding (GSM7, UCS2).
ALTER TABLE feedback_survey ADD COLUMN sms_parts INTEGER;
ALTER TABLE feedback_survey ADD COLUMN sms_encoding VARCHAR(8);
-- The gateway's latest delivery report (Kannel's report types: 1 delivered, 2 not delivered to the phone, 4 queued at
-- the SMS centre, 8 delivered to the SMS centre, 16 not delivered to the SMS centre) and the delivery it means:
-- AWAITED until a final one (1, 2, 16) comes, then DELIVERED or UNDELIVERED.
ALTER TABLE feedback_survey ADD COLUMN delivery VARCHAR(16);
ALTER TABLE feedback_survey ADD COLUMN delivery_report INTEGER;
ALTER TABLE feedback_survey ADD COLUMN delivery_reported_at TIMESTAMP WITH TIME ZONE;
-- Why the gateway refused the SMS, as it said.
ALTER TABLE feedback_survey ADD COLUMN refusal VARCHAR(500);
-- How the citizen answered: SMS (a reply) or WEB (the survey's page). The rating and comment columns are V15's.
ALTER TABLE feedback_survey ADD COLUMN rated_by VARCHAR(8);

ALTER TABLE feedback_survey ADD CONSTRAINT uk_feedback_survey_message_token UNIQUE (message_token);
-- The summary counts surveys of applications completed in a period, per department, service and district.
CREATE INDEX ix_feedback_survey_completed ON feedback_survey (completed_at, department, service_code);
