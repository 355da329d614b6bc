-- CSV imports (issue 4): one row per uploaded file with its progress (every node can answer
-- "how far is it"), and every document record an import created, so the batch can be undone.
CREATE TABLE import_batches (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	template text NOT NULL,
	file_name text NOT NULL,
	created_by uuid,
	created_at timestamptz NOT NULL DEFAULT now(),
	status text NOT NULL CHECK (status IN ('running', 'done', 'failed', 'undone')),
	total integer NOT NULL,
	done integer NOT NULL DEFAULT 0,
	created integer NOT NULL DEFAULT 0,
	skipped integer NOT NULL DEFAULT 0,
	problems jsonb NOT NULL DEFAULT '[]',
	finished_at timestamptz,
	undone_at timestamptz,
	PRIMARY KEY (tenant_id, id)
);

CREATE TABLE import_items (
	tenant_id uuid NOT NULL,
	batch_id uuid NOT NULL,
	doc_name text NOT NULL,
	-- 'customer' when the import created the document, else the collection it added to
	collection text NOT NULL,
	record_id text NOT NULL,
	PRIMARY KEY (tenant_id, batch_id, doc_name, collection, record_id),
	FOREIGN KEY (tenant_id, batch_id) REFERENCES import_batches (tenant_id, id) ON DELETE CASCADE
);
