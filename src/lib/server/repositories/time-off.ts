import type { TimeOffSpan } from '#lib/domain/people/capacity.js';
import type { TimeOffKind, TimeOffRequest, TimeOffStatus } from '#lib/domain/people/time-off.js';
import { one, type Db } from '../db/index.js';
import { dayText } from './sql-dates.js';

export type { TimeOffRequest };

const COLUMNS = `t.id, t.user_id AS "userId", p.name AS "userName", t.kind, ${dayText('t.start_date')} AS start, ${dayText('t.end_date')} AS "end",
	t.minutes_per_day AS "minutesPerDay", t.note, t.status, t.created_at AS "createdAt", c.name AS "createdByName",
	t.decided_at AS "decidedAt", d.name AS "decidedByName", t.comment`;
const FROM = `time_off_requests t LEFT JOIN users p ON p.id = t.user_id LEFT JOIN users c ON c.id = t.created_by LEFT JOIN users d ON d.id = t.decided_by`;

export async function insertTimeOff(
	db: Db,
	r: { tenantId: string; id: string; userId: string; kind: TimeOffKind; start: string; end: string; minutesPerDay: number | null; note: string | null; createdBy: string }
): Promise<void> {
	await db.query(
		`INSERT INTO time_off_requests (tenant_id, id, user_id, kind, start_date, end_date, minutes_per_day, note, created_by)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		[r.tenantId, r.id, r.userId, r.kind, r.start, r.end, r.minutesPerDay, r.note, r.createdBy]
	);
}

export function findTimeOff(db: Db, tenantId: string, id: string): Promise<TimeOffRequest | undefined> {
	return one(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE t.tenant_id = $1 AND t.id = $2`, [tenantId, id]);
}

/** The request, locked for the caller's transaction while it is decided or cancelled. */
export function lockTimeOff(db: Db, tenantId: string, id: string): Promise<TimeOffRequest | undefined> {
	return one(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE t.tenant_id = $1 AND t.id = $2 FOR UPDATE OF t`, [tenantId, id]);
}

/** A tenant's requests, optionally one person's and of one status: the latest days first, or the oldest waiting first. */
export function listTimeOff(db: Db, tenantId: string, filter: { userId?: string; status?: TimeOffStatus }, limit = 200): Promise<TimeOffRequest[]> {
	const order = filter.status === 'requested' ? 't.created_at, t.id' : 't.start_date DESC, t.created_at DESC';
	return db.query(
		`SELECT ${COLUMNS} FROM ${FROM}
		 WHERE t.tenant_id = $1 AND ($2::uuid IS NULL OR t.user_id = $2) AND ($3::text IS NULL OR t.status = $3)
		 ORDER BY ${order} LIMIT $4`,
		[tenantId, filter.userId ?? null, filter.status ?? null, limit]
	);
}

/** An approved request of the person that shares a day with `start`–`end` (other than `exceptId`), if any. */
export function approvedOverlap(db: Db, tenantId: string, userId: string, span: { start: string; end: string }, exceptId: string | null): Promise<TimeOffRequest | undefined> {
	return one(
		db,
		`SELECT ${COLUMNS} FROM ${FROM}
		 WHERE t.tenant_id = $1 AND t.user_id = $2 AND t.status = 'approved' AND t.start_date <= $4 AND t.end_date >= $3
		   AND ($5::uuid IS NULL OR t.id <> $5)
		 ORDER BY t.start_date LIMIT 1`,
		[tenantId, userId, span.start, span.end, exceptId]
	);
}

/** Everyone's approved time off that touches `from`–`to`: what the workload and utilization reports subtract. */
export function approvedBetween(db: Db, tenantId: string, from: string, to: string): Promise<(TimeOffSpan & { userId: string })[]> {
	return db.query(
		`SELECT user_id::text AS "userId", ${dayText('start_date')} AS start, ${dayText('end_date')} AS "end", minutes_per_day AS "minutesPerDay"
		 FROM time_off_requests WHERE tenant_id = $1 AND status = 'approved' AND start_date <= $3 AND end_date >= $2`,
		[tenantId, from, to]
	);
}

export async function setTimeOffStatus(
	db: Db,
	d: { tenantId: string; id: string; status: Exclude<TimeOffStatus, 'requested'>; by: string; comment: string | null }
): Promise<void> {
	await db.query(
		`UPDATE time_off_requests SET status = $3, decided_by = $4, decided_at = now(), comment = coalesce($5, comment)
		 WHERE tenant_id = $1 AND id = $2`,
		[d.tenantId, d.id, d.status, d.by, d.comment]
	);
}
