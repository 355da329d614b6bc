import { one, type Db } from '../db/index.js';
import { asPortalCompany } from './portal.js';

export interface StoredFile {
	id: string;
	name: string;
	mime: string;
	size: number;
	sha256: string;
}

const COLUMNS = 'id, name, mime, size, sha256';

export function findFile(db: Db, tenantId: string, id: string): Promise<StoredFile | undefined> {
	return one<StoredFile>(db, `SELECT ${COLUMNS} FROM files WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
}

/** Records a file once; returns the row that is there (the same upload sent twice finds the first). */
export async function insertFile(db: Db, tenantId: string, file: StoredFile, uploadedBy: string | null): Promise<StoredFile> {
	await db.query(
		`INSERT INTO files (tenant_id, id, name, mime, size, sha256, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
		 ON CONFLICT (tenant_id, id) DO NOTHING`,
		[tenantId, file.id, file.name, file.mime, file.size, file.sha256, uploadedBy]
	);
	return (await findFile(db, tenantId, file.id))!;
}

/**
 * Whether a portal user's company may download a file: it must be attached to
 * one of that company's contracts. Read as the portal role, under row-level
 * security, so the database checks the company a second time.
 */
export async function portalMayRead(db: Db, tenantId: string, customerId: string, fileId: string): Promise<boolean> {
	return asPortalCompany(db, tenantId, customerId, async (tx) => {
		const row = await one(
			tx,
			`SELECT 1 FROM attachments a JOIN customer_contracts c ON c.tenant_id = a.tenant_id AND c.id = a.contract_id
			 WHERE a.tenant_id = $1 AND a.file_id = $2 AND a.deleted_at IS NULL AND c.deleted_at IS NULL AND c.customer_id = $3`,
			[tenantId, fileId, customerId]
		);
		return !!row;
	});
}
