-- With several hub nodes, each outbox message is claimed by one relay for a short lease before it is published,
-- so nodes do not all publish everything; a failed publish pushes the lease out (back-off). If a node dies
-- holding a claim, the lease runs out and another node publishes the message.
ALTER TABLE outbox_message ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE outbox_message ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
