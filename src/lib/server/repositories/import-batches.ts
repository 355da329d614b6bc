import { one, type Db } from '../db/index.js';

export type BatchStatus = 'running' | 'done' | 'failed' | 'undone';

export interface ImportBatch {
	id: string;
	template: string;
	fileName: string;
	/** who uploaded it (null once they are no longer a user) */
	createdByName: string | null;
	createdAt: Date;
	status: BatchStatus;
	total: number;
	done: number;
	created: number;
	skipped: number;
	problems: string[];
	finishedAt: Date | null;
	undoneAt: Date | null;
}

export interface ImportItem {
	docName: string;
	collection: string;
	recordId: string;
}

const COLUMNS = `id, template, file_name AS "fileName", (SELECT name FROM users WHERE id = created_by) AS "createdByName", created_at AS "createdAt", status, total, done, created, skipped, problems,
	finished_at AS "finishedAt", undone_at AS "undoneAt"`;

export async function insertBatch(
	db: Db,
	tenantId: string,
	batch: Pick<ImportBatch, 'id' | 'template' | 'fileName' | 'total' | 'problems'> & { createdBy: string }
): Promise<ImportBatch> {
	return (await one<ImportBatch>(
		db,
		`INSERT INTO import_batches (tenant_id, id, template, file_name, created_by, status, total, problems)
		 VALUES ($1, $2, $3, $4, $5, 'running', $6, $7::jsonb) RETURNING ${COLUMNS}`,
		[tenantId, batch.id, batch.template, batch.fileName, batch.createdBy, batch.total, JSON.stringify(batch.problems)]
	))!;
}

export function findBatch(db: Db, tenantId: string, id: string): Promise<ImportBatch | undefined> {
	return one(db, `SELECT ${COLUMNS} FROM import_batches WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
}

export function listBatches(db: Db, tenantId: string): Promise<ImportBatch[]> {
	return db.query(`SELECT ${COLUMNS} FROM import_batches WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 50`, [tenantId]);
}

/** Progress: rows handled so far, of which created and skipped (already there). */
export async function recordProgress(db: Db, tenantId: string, id: string, step: { done: number; created: number; skipped: number }): Promise<void> {
	await db.query(
		`UPDATE import_batches SET done = done + $3, created = created + $4, skipped = skipped + $5 WHERE tenant_id = $1 AND id = $2`,
		[tenantId, id, step.done, step.created, step.skipped]
	);
}

export async function finishBatch(db: Db, tenantId: string, id: string, status: BatchStatus): Promise<void> {
	await db.query(`UPDATE import_batches SET status = $3, finished_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, status]);
}

export async function addProblem(db: Db, tenantId: string, id: string, problem: string): Promise<void> {
	await db.query(`UPDATE import_batches SET problems = problems || to_jsonb($3::text) WHERE tenant_id = $1 AND id = $2`, [tenantId, id, problem]);
}

/** Marks a finished batch undone; false when it is not (still running, or undone already). */
export async function markUndone(db: Db, tenantId: string, id: string): Promise<boolean> {
	const rows = await db.query(
		`UPDATE import_batches SET status = 'undone', undone_at = now() WHERE tenant_id = $1 AND id = $2 AND status = 'done' RETURNING id`,
		[tenantId, id]
	);
	return rows.length === 1;
}

export async function insertItems(db: Db, tenantId: string, batchId: string, items: ImportItem[]): Promise<void> {
	if (items.length === 0) return;
	await db.query(
		`INSERT INTO import_items (tenant_id, batch_id, doc_name, collection, record_id)
		 SELECT $1, $2, i."docName", i.collection, i."recordId" FROM jsonb_to_recordset($3::jsonb) AS i("docName" text, collection text, "recordId" text)
		 ON CONFLICT DO NOTHING`,
		[tenantId, batchId, JSON.stringify(items)]
	);
}

export function batchItems(db: Db, tenantId: string, batchId: string): Promise<ImportItem[]> {
	return db.query(
		`SELECT doc_name AS "docName", collection, record_id AS "recordId" FROM import_items WHERE tenant_id = $1 AND batch_id = $2`,
		[tenantId, batchId]
	);
}

/** The tenant's customers by name, for matching imported rows to those already there. */
export function customerNames(db: Db, tenantId: string): Promise<{ id: string; name: string; docName: string }[]> {
	return db.query(`SELECT id, name, doc_name AS "docName" FROM customers WHERE tenant_id = $1 AND deleted_at IS NULL`, [tenantId]);
}
