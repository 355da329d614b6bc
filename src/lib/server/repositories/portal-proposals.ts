import { one, type Db } from '../db/index.js';
import type { ProposalKind, ProposedChanges } from '#lib/domain/portal/proposals.js';

export type ProposalStatus = 'pending' | 'accepted' | 'declined';

export interface Proposal {
	id: string;
	customerId: string;
	customerName: string | null;
	proposedBy: string;
	kind: ProposalKind;
	contactId: string | null;
	/** the company's or the contact's name, as the contact saw it */
	subject: string;
	changes: ProposedChanges;
	note: string | null;
	status: ProposalStatus;
	createdAt: Date;
	decidedAt: Date | null;
	decidedByName: string | null;
	decisionNote: string | null;
}

const COLUMNS = `p.id, p.customer_id AS "customerId", cu.name AS "customerName", p.proposed_by AS "proposedBy", p.kind,
	p.contact_id AS "contactId", p.subject, p.changes, p.note, p.status, p.created_at AS "createdAt", p.decided_at AS "decidedAt",
	p.decided_by_name AS "decidedByName", p.decision_note AS "decisionNote"`;
const FROM = `portal_proposals p LEFT JOIN customers cu ON cu.tenant_id = p.tenant_id AND cu.id = p.customer_id`;

export async function insertProposal(
	db: Db,
	p: { tenantId: string; id: string; customerId: string; portalUserId: string; proposedBy: string; kind: ProposalKind; contactId: string | null; subject: string; changes: ProposedChanges; note: string | null }
): Promise<void> {
	await db.query(
		`INSERT INTO portal_proposals (tenant_id, id, customer_id, portal_user_id, proposed_by, kind, contact_id, subject, changes, note)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
		[p.tenantId, p.id, p.customerId, p.portalUserId, p.proposedBy, p.kind, p.contactId, p.subject, JSON.stringify(p.changes), p.note]
	);
}

/** A tenant's proposals, newest first, optionally of one customer and one status. */
export function listProposals(db: Db, tenantId: string, filter: { customerId?: string; status?: ProposalStatus }): Promise<Proposal[]> {
	return db.query(
		`SELECT ${COLUMNS} FROM ${FROM}
		 WHERE p.tenant_id = $1 AND ($2::text IS NULL OR p.customer_id = $2) AND ($3::text IS NULL OR p.status = $3)
		 ORDER BY p.created_at DESC, p.id DESC LIMIT 200`,
		[tenantId, filter.customerId ?? null, filter.status ?? null]
	);
}

/** The proposal, locked for the caller's transaction while it is decided. */
export function lockPendingProposal(db: Db, tenantId: string, id: string): Promise<Proposal | undefined> {
	return one(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE p.tenant_id = $1 AND p.id = $2 AND p.status = 'pending' FOR UPDATE OF p`, [tenantId, id]);
}

export function findProposal(db: Db, tenantId: string, id: string): Promise<Proposal | undefined> {
	return one(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE p.tenant_id = $1 AND p.id = $2`, [tenantId, id]);
}

export async function decideProposal(
	db: Db,
	d: { tenantId: string; id: string; status: Exclude<ProposalStatus, 'pending'>; userId: string; userName: string; note: string | null }
): Promise<void> {
	await db.query(
		`UPDATE portal_proposals SET status = $3, decided_at = now(), decided_by = $4, decided_by_name = $5, decision_note = $6
		 WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
		[d.tenantId, d.id, d.status, d.userId, d.userName, d.note]
	);
}

/** The email of the portal account that made a proposal, to tell them the decision. */
export async function proposerEmail(db: Db, tenantId: string, id: string): Promise<string | null> {
	const row = await one<{ email: string }>(
		db,
		`SELECT u.email FROM portal_proposals p JOIN portal_users u ON u.tenant_id = p.tenant_id AND u.id = p.portal_user_id
		 WHERE p.tenant_id = $1 AND p.id = $2`,
		[tenantId, id]
	);
	return row?.email ?? null;
}

export async function countPendingProposals(db: Db, tenantId: string, customerId: string): Promise<number> {
	const row = await one<{ n: number }>(
		db,
		`SELECT count(*)::int AS n FROM portal_proposals WHERE tenant_id = $1 AND customer_id = $2 AND status = 'pending'`,
		[tenantId, customerId]
	);
	return row?.n ?? 0;
}
