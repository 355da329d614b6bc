import { v7 as uuidv7 } from 'uuid';
import { canAssignRole, ROLE_LABELS } from '#lib/domain/auth/roles.js';
import type { Db } from '../db/index.js';
import { config } from '../config.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { generateToken, hashToken } from '../auth/session-token.js';
import { createWebSession, type Identity } from '../auth/sessions.js';
import { AppError, conflict, forbidden } from '../http/errors.js';
import { sendMail } from '../mail/mailer.js';
import { appendAudit } from '../repositories/audit.js';
import {
	findInvitationByTokenHash,
	insertInvitation,
	listOpenInvitations,
	markInvitationAccepted,
	revokeInvitation,
	type Invitation
} from '../repositories/invitations.js';
import { getRole, insertMembership, listMembers } from '../repositories/memberships.js';
import { findUserByEmail, insertUser } from '../repositories/users.js';
import type { AcceptInput, InvitationInput } from './schemas.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Invites a person by email with a role; the mail carries the one link that lets them in. */
export async function invite(db: Db, actor: Identity, input: InvitationInput) {
	if (!canAssignRole(actor.role, input.role)) throw forbidden('Only an owner can invite another owner.');
	const members = await listMembers(db, actor.tenantId);
	if (members.some((m) => m.email.toLowerCase() === input.email)) {
		throw conflict('already_member', `${input.email} already belongs to ${actor.tenantName}.`);
	}
	// a new invitation to the same address replaces the old one
	for (const open of await listOpenInvitations(db, actor.tenantId)) {
		if (open.email === input.email) await revokeInvitation(db, actor.tenantId, open.id);
	}
	const token = generateToken();
	const id = uuidv7();
	const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
	await insertInvitation(db, {
		tenantId: actor.tenantId,
		id,
		email: input.email,
		role: input.role,
		tokenHash: hashToken(token),
		invitedBy: actor.userId,
		expiresAt
	});
	const acceptUrl = `${config().origin}/invite/${token}`;
	await appendAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, action: 'invitation.created', subject: input.email, data: { role: input.role } });
	await sendMail(db, actor.tenantId, {
		to: input.email,
		subject: `${actor.name} invited you to ${actor.tenantName} on Stackdesk`,
		text: [
			`${actor.name} invited you to join ${actor.tenantName} on Stackdesk as ${ROLE_LABELS[input.role]}.`,
			'',
			`Accept the invitation and set your password here (valid for 7 days):`,
			acceptUrl
		].join('\n')
	});
	return { id, email: input.email, role: input.role, expiresAt, acceptUrl };
}

/** The invitation a link names, if it can still be accepted. */
export async function openInvitation(db: Db, token: string): Promise<Invitation & { hasAccount: boolean }> {
	const invitation = await findInvitationByTokenHash(db, hashToken(token));
	if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) {
		throw new AppError(404, 'invitation_invalid', 'This invitation link is no longer valid. Ask for a new one.');
	}
	const hasAccount = !!(await findUserByEmail(db, invitation.email));
	return { ...invitation, hasAccount };
}

/**
 * Accepts an invitation: a new person sets a name and password; someone who
 * already has a Stackdesk account confirms with their password instead.
 */
export async function acceptInvitation(db: Db, token: string, input: AcceptInput) {
	const invitation = await openInvitation(db, token);
	const existing = await findUserByEmail(db, invitation.email);
	if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
		throw new AppError(401, 'invalid_credentials', 'You already have an account: enter its password.', {
			password: 'Wrong password for your existing account.'
		});
	}
	const passwordHash = existing ? '' : await hashPassword(input.password);
	return db.transaction(async (tx) => {
		if (!(await markInvitationAccepted(tx, invitation.tenantId, invitation.id))) {
			throw new AppError(404, 'invitation_invalid', 'This invitation was already used.');
		}
		const user =
			existing ?? (await insertUser(tx, { id: uuidv7(), email: invitation.email, name: input.name, passwordHash }));
		if (await getRole(tx, invitation.tenantId, user.id)) {
			throw conflict('already_member', 'You already belong to this company.');
		}
		await insertMembership(tx, { tenantId: invitation.tenantId, userId: user.id, role: invitation.role });
		await appendAudit(tx, { tenantId: invitation.tenantId, actorId: user.id, action: 'invitation.accepted', subject: user.email, data: { role: invitation.role } });
		const session = await createWebSession(tx, user.id, invitation.tenantId);
		return { user, tenantId: invitation.tenantId, role: invitation.role, session };
	});
}
