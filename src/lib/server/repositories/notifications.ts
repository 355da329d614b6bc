import { v7 as uuidv7 } from 'uuid';
import { one, type Db } from '../db/index.js';

export interface NewNotification {
	userId: string;
	kind: string;
	title: string;
	body: string;
	link: string | null;
}

export interface Notification extends Omit<NewNotification, 'userId'> {
	id: string;
	createdAt: Date;
	readAt: Date | null;
}

export async function insertNotifications(db: Db, tenantId: string, notes: NewNotification[]): Promise<void> {
	if (notes.length === 0) return;
	await db.query(
		`INSERT INTO notifications (tenant_id, id, user_id, kind, title, body, link)
		 SELECT $1, n.id, n."userId", n.kind, n.title, n.body, n.link
		 FROM jsonb_to_recordset($2::jsonb) AS n(id uuid, "userId" uuid, kind text, title text, body text, link text)`,
		[tenantId, JSON.stringify(notes.map((n) => ({ ...n, id: uuidv7() })))]
	);
}

export function listNotifications(db: Db, tenantId: string, userId: string, limit = 50): Promise<Notification[]> {
	return db.query(
		`SELECT id, kind, title, body, link, created_at AS "createdAt", read_at AS "readAt" FROM notifications
		 WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
		[tenantId, userId, limit]
	);
}

export async function countUnread(db: Db, tenantId: string, userId: string): Promise<number> {
	const row = await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM notifications WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL`, [tenantId, userId]);
	return row?.n ?? 0;
}

/** Marks the given notifications (all, when `ids` is null) of one person read. */
export async function markRead(db: Db, tenantId: string, userId: string, ids: string[] | null): Promise<void> {
	await db.query(
		`UPDATE notifications SET read_at = now()
		 WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))`,
		[tenantId, userId, ids]
	);
}

/** The people of a tenant whose role is one of `roles`, with their mail addresses. */
export function membersWithRoles(db: Db, tenantId: string, roles: readonly string[]): Promise<{ userId: string; email: string; name: string }[]> {
	return db.query(
		`SELECT u.id AS "userId", u.email, u.name FROM memberships m JOIN users u ON u.id = m.user_id
		 WHERE m.tenant_id = $1 AND m.role = ANY($2::text[]) ORDER BY u.email`,
		[tenantId, roles]
	);
}

/**
 * Records that a reminder went out; true only for the one caller that recorded
 * it first, so with several nodes scanning at once each reminder is sent once.
 */
export async function claimReminder(db: Db, tenantId: string, key: string): Promise<boolean> {
	const rows = await db.query(`INSERT INTO reminder_sends (tenant_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key`, [tenantId, key]);
	return rows.length === 1;
}

export async function sentReminderKeys(db: Db, tenantId: string): Promise<Set<string>> {
	const rows = await db.query<{ key: string }>(`SELECT key FROM reminder_sends WHERE tenant_id = $1`, [tenantId]);
	return new Set(rows.map((r) => r.key));
}
