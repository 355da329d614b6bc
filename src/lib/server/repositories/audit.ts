import type { Db } from '../db/index.js';

export interface AuditEntry {
	tenantId: string;
	actorId: string | null;
	action: string;
	subject?: string;
	data?: Record<string, unknown>;
}

export interface AuditRow {
	id: number;
	at: Date;
	actorName: string | null;
	action: string;
	subject: string | null;
	data: Record<string, unknown>;
}

export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
	await db.query(
		'INSERT INTO audit_log (tenant_id, actor_id, action, subject, data) VALUES ($1, $2, $3, $4, $5)',
		[entry.tenantId, entry.actorId, entry.action, entry.subject ?? null, JSON.stringify(entry.data ?? {})]
	);
}

export function listAudit(db: Db, tenantId: string, limit = 100): Promise<AuditRow[]> {
	return db.query(
		`SELECT a.id, a.at, u.name AS "actorName", a.action, a.subject, a.data
		 FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
		 WHERE a.tenant_id = $1 ORDER BY a.id DESC LIMIT $2`,
		[tenantId, limit]
	);
}
