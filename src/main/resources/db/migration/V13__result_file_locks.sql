-- Result files are read through Camel's orphan-lock-aware JDBC repository (routes/connector-sftp-batch.yaml): a
-- node locks a file while it reads it (processor 'result-files', kept alive by that node) and records it done when
-- read to the end (processor 'result-files-done'). The done marks of the hand-made table before it move here.

-- A key is department/name-size-mtime. A file name may be as long as the SFTP server allows (255 characters on
-- common servers); 100 characters stopped every poll of a department whose outbox held one long name.
ALTER TABLE CAMEL_MESSAGEPROCESSED ALTER COLUMN messageId SET DATA TYPE VARCHAR(1000);
-- A lock is held while its node keeps its time fresh, and compared with other nodes' clocks: a time without its
-- zone would be read hours off by a node set to another time zone, which would take a live lock for an orphan.
ALTER TABLE CAMEL_MESSAGEPROCESSED ALTER COLUMN createdAt SET DATA TYPE TIMESTAMP WITH TIME ZONE;

INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt)
SELECT 'result-files-done', file_key, done_at FROM result_file_done;
DROP TABLE result_file_done;

-- The reconciler names the file of a lock a dead node left.
ALTER TABLE reconciliation_action ALTER COLUMN result_file SET DATA TYPE VARCHAR(1000);
