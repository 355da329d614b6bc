import { one, type Db } from '../db/index.js';

export interface StoredDoc {
	state: Uint8Array;
	version: number;
}

export function loadYdoc(db: Db, tenantId: string, name: string): Promise<StoredDoc | undefined> {
	return one(db, 'SELECT state, version FROM ydocs WHERE tenant_id = $1 AND name = $2', [tenantId, name]);
}

/** Updates logged after the stored state, in order: what a crash left unfolded. */
export async function loadYdocUpdates(db: Db, tenantId: string, name: string): Promise<Uint8Array[]> {
	const rows = await db.query<{ update: Uint8Array }>(
		'SELECT update FROM ydoc_updates WHERE tenant_id = $1 AND doc_name = $2 ORDER BY seq',
		[tenantId, name]
	);
	return rows.map((r) => r.update);
}

/** Writes the whole state; returns the new version. */
export async function saveYdoc(
	db: Db,
	doc: { tenantId: string; name: string; state: Uint8Array; stateVector: Uint8Array }
): Promise<number> {
	const row = await one<{ version: number }>(
		db,
		`INSERT INTO ydocs (tenant_id, name, state, state_vector) VALUES ($1, $2, $3, $4)
		 ON CONFLICT (tenant_id, name) DO UPDATE
		 SET state = EXCLUDED.state, state_vector = EXCLUDED.state_vector,
		     version = ydocs.version + 1, updated_at = now()
		 RETURNING version`,
		[doc.tenantId, doc.name, doc.state, doc.stateVector]
	);
	return row!.version;
}
