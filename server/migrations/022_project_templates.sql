-- Project templates and tasks made from tickets (issue 6). A template is a project
-- document flagged `template`: the portfolio leaves it out, "New from template" lists it.
-- A task made from a ticket keeps the ticket's id, so the ticket page can show its tasks.

ALTER TABLE projects ADD COLUMN template boolean NOT NULL DEFAULT false;
CREATE INDEX projects_templates ON projects (tenant_id, name) WHERE template AND deleted_at IS NULL;

ALTER TABLE tasks ADD COLUMN ticket_id text;
CREATE INDEX tasks_ticket ON tasks (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;
