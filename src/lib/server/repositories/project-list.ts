import type { ProjectChoice } from '#lib/domain/project/schema.js';
import type { Db } from '../db/index.js';

/** The tenant's live projects, or only its templates, by name. */
export async function listProjectChoices(db: Db, tenantId: string, only: 'projects' | 'templates'): Promise<ProjectChoice[]> {
	return db.query<ProjectChoice>(
		`SELECT id, name, customer_id AS "customerId", to_char(start_date, 'YYYY-MM-DD') AS start, to_char(due_date, 'YYYY-MM-DD') AS due, status, template
		 FROM projects WHERE tenant_id = $1 AND deleted_at IS NULL AND template = $2
		 ORDER BY lower(name), id`,
		[tenantId, only === 'templates']
	);
}
