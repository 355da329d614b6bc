-- the status and priority changes of a ticket, [effectiveAt, field, value], oldest first:
-- lists, reports and rules read the SLA clock from the row, without the ticket's document
ALTER TABLE tickets ADD COLUMN sla_log jsonb NOT NULL DEFAULT '[]';
