import type { Db } from '../db/index.js';

export type MailStatus = 'written' | 'sent' | 'failed';

export interface MailRow {
	id: string;
	to: string;
	subject: string;
	text: string;
	status: MailStatus;
	error: string | null;
	createdAt: Date;
}

export async function insertMail(
	db: Db,
	mail: { tenantId: string; id: string; to: string; subject: string; text: string; status: MailStatus; error?: string }
): Promise<void> {
	await db.query(
		`INSERT INTO mail (tenant_id, id, to_address, subject, text_body, status, error)
		 VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		[mail.tenantId, mail.id, mail.to, mail.subject, mail.text, mail.status, mail.error ?? null]
	);
}

export function listMail(db: Db, tenantId: string, limit = 200): Promise<MailRow[]> {
	return db.query(
		`SELECT id, to_address AS "to", subject, text_body AS "text", status, error, created_at AS "createdAt"
		 FROM mail WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT $2`,
		[tenantId, limit]
	);
}
