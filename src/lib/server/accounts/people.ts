import { canAssignRole, type Role } from '#lib/domain/auth/roles.js';
import type { Db } from '../db/index.js';
import type { Identity } from '../auth/sessions.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { listOpenInvitations, revokeInvitation } from '../repositories/invitations.js';
import { countOwners, deleteMembership, getRole, listMembers, setRole } from '../repositories/memberships.js';
import { deleteSessionsOf } from '../repositories/sessions.js';

export async function listPeople(db: Db, tenantId: string) {
	const [members, invitations] = await Promise.all([
		listMembers(db, tenantId),
		listOpenInvitations(db, tenantId)
	]);
	return { members, invitations };
}

/** Guards shared by role changes and removals: who may touch whom, and never the last owner. */
async function checkTarget(db: Db, actor: Identity, userId: string, next: Role | null) {
	const current = await getRole(db, actor.tenantId, userId);
	if (!current) throw notFound('No such person in this company.');
	if (current === 'owner' && actor.role !== 'owner') throw forbidden('Only an owner can change an owner.');
	if (next && !canAssignRole(actor.role, next)) throw forbidden('Only an owner can make someone an owner.');
	if (current === 'owner' && next !== 'owner' && (await countOwners(db, actor.tenantId)) <= 1) {
		throw new AppError(409, 'last_owner', 'A company needs at least one owner.');
	}
	return current;
}

export async function changeRole(db: Db, actor: Identity, userId: string, role: Role) {
	await db.transaction(async (tx) => {
		const before = await checkTarget(tx, actor, userId, role);
		await setRole(tx, actor.tenantId, userId, role);
		await appendAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'member.role_changed', subject: userId, data: { from: before, to: role } });
	});
}

/** Removes a person from the company and ends their sessions in it at once. */
export async function removeMember(db: Db, actor: Identity, userId: string) {
	await db.transaction(async (tx) => {
		const before = await checkTarget(tx, actor, userId, null);
		await deleteMembership(tx, actor.tenantId, userId);
		await deleteSessionsOf(tx, actor.tenantId, userId);
		await appendAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'member.removed', subject: userId, data: { role: before } });
	});
}

export async function cancelInvitation(db: Db, actor: Identity, invitationId: string) {
	if (!(await revokeInvitation(db, actor.tenantId, invitationId))) throw notFound('No such open invitation.');
	await appendAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, action: 'invitation.revoked', subject: invitationId });
}
