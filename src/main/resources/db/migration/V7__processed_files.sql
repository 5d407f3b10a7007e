-- Result files already read, per department (Camel's JDBC idempotent repository): each file is processed once,
-- also after a restart and with several hub nodes, since they share this table.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(100) NOT NULL,
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
