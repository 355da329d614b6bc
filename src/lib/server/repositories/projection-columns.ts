/** A projection table and its typed columns (field → [column, SQL type]). */
export interface ProjectionTable {
	name: string;
	columns: Record<string, [column: string, type: string]>;
	/** false: kept in Postgres (portal, reports, rules) but not sent to browsers, which have the documents */
	feed?: false;
}

export const DELETED_AT: ProjectionTable['columns'] = { deletedAt: ['deleted_at', 'timestamptz'] };
