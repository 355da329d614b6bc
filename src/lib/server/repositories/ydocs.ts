import { one, type Db } from '../db/index.js';

/**
 * Documents are a folded state (`ydocs`, version = the last update seq folded in)
 * plus the updates logged since (`ydoc_updates`). An update is logged, with an
 * outbox row for the materializer, before the server acknowledges it.
 */
export interface StoredDoc {
	state: Uint8Array | null;
	version: number;
	updates: { seq: number; update: Uint8Array }[];
}

export async function loadStoredDoc(db: Db, tenantId: string, name: string): Promise<StoredDoc> {
	return (await loadStoredDocs(db, [{ tenantId, name }])).get(`${tenantId}|${name}`)!;
}

/**
 * One round trip: updates into the log, in order, and, unless one is already
 * waiting, the document's outbox row. Updates travel as hex in JSON, which both
 * `pg` and PGlite pass the same way.
 */
export async function appendUpdates(db: Db, tenantId: string, name: string, updates: Uint8Array[]): Promise<void> {
	await db.query(
		`WITH logged AS (
			INSERT INTO ydoc_updates (tenant_id, doc_name, update)
			SELECT $1, $2, decode(u.hex, 'hex') FROM jsonb_array_elements_text($3::jsonb) WITH ORDINALITY AS u(hex, n) ORDER BY u.n
			RETURNING seq
		)
		INSERT INTO outbox (tenant_id, doc_name, doc_version) SELECT $1, $2, max(seq) FROM logged
		ON CONFLICT (tenant_id, doc_name) WHERE claimed_until IS NULL DO NOTHING`,
		[tenantId, name, JSON.stringify(updates.map((u) => Buffer.from(u).toString('hex')))]
	);
}

/**
 * Stores documents made on the server (an import) that no client has yet, in
 * one statement. Their folded state is all there is: no log, version 0.
 */
export async function insertNewDocs(db: Db, tenantId: string, docs: { name: string; state: Uint8Array; stateVector: Uint8Array }[]): Promise<void> {
	if (docs.length === 0) return;
	const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
	await db.query(
		`INSERT INTO ydocs (tenant_id, name, state, state_vector, version)
		 SELECT $1, d.name, decode(d.state, 'hex'), decode(d.sv, 'hex'), 0 FROM jsonb_to_recordset($2::jsonb) AS d(name text, state text, sv text)`,
		[tenantId, JSON.stringify(docs.map((d) => ({ name: d.name, state: hex(d.state), sv: hex(d.stateVector) })))]
	);
}

/**
 * Folds logged updates into the stored state, in one transaction with the row
 * locked, so nodes folding the same document at once never lose each other's work.
 * `fold` gets the stored state and the updates and returns the new state.
 */
export async function foldDocument(
	db: Db,
	tenantId: string,
	name: string,
	fold: (stored: StoredDoc) => { state: Uint8Array; stateVector: Uint8Array }
): Promise<{ version: number; folded: number }> {
	return db.transaction(async (tx) => {
		await tx.query(
			`INSERT INTO ydocs (tenant_id, name, state, state_vector, version) VALUES ($1, $2, '', '', 0)
			 ON CONFLICT (tenant_id, name) DO NOTHING`,
			[tenantId, name]
		);
		const doc = await one<{ state: Uint8Array; version: number }>(
			tx,
			'SELECT state, version FROM ydocs WHERE tenant_id = $1 AND name = $2 FOR UPDATE',
			[tenantId, name]
		);
		const updates = await tx.query<{ seq: number; update: Uint8Array }>(
			'SELECT seq, update FROM ydoc_updates WHERE tenant_id = $1 AND doc_name = $2 ORDER BY seq',
			[tenantId, name]
		);
		const stored = { state: doc!.state.length > 0 ? doc!.state : null, version: doc!.version, updates };
		const { state, stateVector } = fold(stored);
		const version = Math.max(stored.version, ...updates.map((u) => u.seq));
		await tx.query(
			`UPDATE ydocs SET state = $3, state_vector = $4, version = $5, updated_at = now()
			 WHERE tenant_id = $1 AND name = $2`,
			[tenantId, name, state, stateVector, version]
		);
		if (updates.length > 0) {
			await tx.query('DELETE FROM ydoc_updates WHERE tenant_id = $1 AND doc_name = $2 AND seq <= $3', [tenantId, name, version]);
		}
		return { version, folded: updates.length };
	});
}

/** Documents whose log has waited longer than `olderThanMs`: a node died before folding them. */
export function staleLogs(db: Db, olderThanMs: number, limit = 100): Promise<{ tenantId: string; name: string }[]> {
	return db.query(
		`SELECT tenant_id AS "tenantId", doc_name AS name FROM ydoc_updates
		 GROUP BY tenant_id, doc_name HAVING min(created_at) < now() - ($1 * interval '1 millisecond') LIMIT $2`,
		[olderThanMs, limit]
	);
}

export function allDocNames(db: Db): Promise<{ tenantId: string; name: string }[]> {
	return db.query(
		`SELECT tenant_id AS "tenantId", name FROM ydocs
		 UNION SELECT tenant_id, doc_name FROM ydoc_updates ORDER BY 1, 2`
	);
}

/**
 * Documents' stored state and log in one statement — one snapshot, so a fold
 * committing in between can never show the state before it and the log after it
 * (an empty document).
 */
export async function loadStoredDocs(db: Db, docs: { tenantId: string; name: string }[]): Promise<Map<string, StoredDoc>> {
	const rows = await db.query<{ tenantId: string; name: string; isState: boolean; seq: number; data: Uint8Array }>(
		`WITH k AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS k("tenantId" uuid, name text))
		 SELECT d.tenant_id AS "tenantId", d.name, true AS "isState", d.version AS seq, d.state AS data
		 FROM ydocs d JOIN k ON d.tenant_id = k."tenantId" AND d.name = k.name
		 UNION ALL
		 SELECT u.tenant_id, u.doc_name, false, u.seq, u.update
		 FROM ydoc_updates u JOIN k ON u.tenant_id = k."tenantId" AND u.doc_name = k.name
		 ORDER BY 3 DESC, 4`,
		[JSON.stringify(docs)]
	);
	const out = new Map<string, StoredDoc>(docs.map((d) => [`${d.tenantId}|${d.name}`, { state: null, version: 0, updates: [] }]));
	for (const row of rows) {
		const doc = out.get(`${row.tenantId}|${row.name}`)!;
		if (row.isState) Object.assign(doc, { state: row.data.length > 0 ? row.data : null, version: row.seq });
		else doc.updates.push({ seq: row.seq, update: row.data });
	}
	return out;
}
