-- Rebuilding projections (rematerialize) bulk-loads rows with COPY, which cannot call
-- nextval() per row: row_version takes it as its default instead. The projections also
-- drop their foreign key to tenants: checking it cost 3.4 µs a row, 40% of a bulk load
-- (docs/decisions/010); they are derived from ydocs, which keeps its key, and deleting a
-- tenant deletes its projections explicitly (repositories/tenants.ts).

ALTER TABLE customers ALTER COLUMN row_version SET DEFAULT nextval('row_versions');
ALTER TABLE sites ALTER COLUMN row_version SET DEFAULT nextval('row_versions');
ALTER TABLE contacts ALTER COLUMN row_version SET DEFAULT nextval('row_versions');

ALTER TABLE customers DROP CONSTRAINT customers_tenant_id_fkey;
ALTER TABLE sites DROP CONSTRAINT sites_tenant_id_fkey;
ALTER TABLE contacts DROP CONSTRAINT contacts_tenant_id_fkey;
