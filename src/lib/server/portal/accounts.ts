import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Db } from '../db/index.js';
import { config } from '../config.js';
import { burnPasswordCheck, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from '../auth/password.js';
import { RateLimiter } from '../auth/rate-limit.js';
import { generateToken, hashToken, judgeSession, webExpiry } from '../auth/session-token.js';
import type { Identity } from '../auth/sessions.js';
import { AppError, notFound } from '../http/errors.js';
import { LOGIN_LIMITS } from '../accounts/login.js';
import { sendMail } from '../mail/mailer.js';
import { appendAudit } from '../repositories/audit.js';
import * as repo from '../repositories/portal.js';
import { readPortalCompany } from '../repositories/portal-company.js';
import { getTenant } from '../repositories/tenants.js';

export const portalInvitationInput = z.object({
	customerId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a customer id.'),
	contactId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a contact id.')
});
export const portalPasswordInput = z.object({
	password: z.string().min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`).max(200)
});

export interface PortalIdentity {
	sessionId: string;
	tenantId: string;
	portalUserId: string;
	customerId: string;
	/** the contact of the company this account is */
	contactId: string;
	name: string;
	email: string;
}

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Invites a contact with portal access "view" to the portal (the contact must have an email). */
export async function invitePortalContact(db: Db, actor: Identity, input: z.infer<typeof portalInvitationInput>) {
	const contact = await repo.findPortalContact(db, actor.tenantId, input.customerId, input.contactId);
	if (!contact) throw notFound('No such contact at this customer (it may not have reached the server yet).');
	if (contact.portalAccess !== 'view') throw new AppError(409, 'no_portal_access', 'Give this contact portal access "view" first.');
	if (!contact.email) throw new AppError(409, 'no_email', 'This contact has no email address.');
	const token = generateToken();
	const user = await db.transaction(async (tx) => {
		const user = await repo.upsertPortalUser(tx, { tenantId: actor.tenantId, id: uuidv7(), customerId: input.customerId, contactId: input.contactId, email: contact.email!, name: contact.name });
		await repo.insertPortalInvitation(tx, { tenantId: actor.tenantId, id: uuidv7(), portalUserId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) });
		await appendAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'portal.invited', subject: contact.email!, data: { customerId: input.customerId, contactId: input.contactId } });
		return user;
	}).catch((error: unknown) => {
		if ((error as { code?: string }).code === '23505') throw new AppError(409, 'email_taken', 'Another portal account already uses this email.');
		throw error;
	});
	const acceptUrl = `${config().origin}/portal/invite/${token}`;
	await sendMail(db, actor.tenantId, {
		to: user.email,
		subject: `${actor.tenantName} invited you to its customer portal`,
		text: `${actor.tenantName} gives you access to ${contact.customerName}'s profile, sites, contacts, contracts, products and devices, where you can also suggest changes.\n\nSet your password here (valid for 7 days):\n${acceptUrl}`
	});
	return { id: user.id, email: user.email, acceptUrl };
}

export async function openPortalInvitation(db: Db, token: string) {
	const invitation = await repo.findOpenPortalInvitation(db, hashToken(token));
	if (!invitation) throw new AppError(404, 'invitation_invalid', 'This invitation link is no longer valid. Ask your IT provider for a new one.');
	return invitation;
}

export async function acceptPortalInvitation(db: Db, token: string, password: string) {
	const invitation = await openPortalInvitation(db, token);
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		if (!(await repo.markPortalInvitationAccepted(tx, invitation.tenantId, invitation.invitationId))) {
			throw new AppError(404, 'invitation_invalid', 'This invitation was already used.');
		}
		await repo.setPortalPassword(tx, invitation.tenantId, invitation.id, passwordHash);
		return createPortalSession(tx, invitation.tenantId, invitation.id);
	});
}

async function createPortalSession(db: Db, tenantId: string, portalUserId: string) {
	const token = generateToken();
	const expiresAt = webExpiry();
	await repo.insertPortalSession(db, { id: hashToken(token), tenantId, portalUserId, expiresAt });
	return { token, expiresAt };
}

const byAccount = new RateLimiter(LOGIN_LIMITS.perAccount, LOGIN_LIMITS.windowMs);
const byAddress = new RateLimiter(LOGIN_LIMITS.perAddress, LOGIN_LIMITS.windowMs);

export async function portalLogIn(db: Db, email: string, password: string, address: string) {
	if (Math.max(byAccount.hit(email.toLowerCase()), byAddress.hit(address)) > 0) {
		throw new AppError(429, 'rate_limited', 'Too many login attempts. Try again later.');
	}
	const user = await repo.findPortalUserByEmail(db, email);
	if (!user?.passwordHash) {
		await burnPasswordCheck(password);
		throw new AppError(401, 'invalid_credentials', 'Wrong email or password.');
	}
	if (!(await verifyPassword(user.passwordHash, password))) throw new AppError(401, 'invalid_credentials', 'Wrong email or password.');
	byAccount.reset(email.toLowerCase());
	return createPortalSession(db, user.tenantId, user.id);
}

/** Validates a portal session token, sliding it like a staff session. */
export async function validatePortalToken(db: Db, token: string): Promise<{ identity: PortalIdentity; renewed: boolean } | null> {
	const row = await repo.findPortalSession(db, hashToken(token));
	if (!row) return null;
	const verdict = judgeSession(row.expiresAt);
	if (verdict === 'expired') {
		await repo.deletePortalSession(db, row.sessionId);
		return null;
	}
	if (verdict === 'renew') await repo.setPortalSessionExpiry(db, row.sessionId, webExpiry());
	const identity = { sessionId: row.sessionId, tenantId: row.tenantId, portalUserId: row.id, customerId: row.customerId, contactId: row.contactId, name: row.name, email: row.email };
	return { identity, renewed: verdict === 'renew' };
}

export const portalLogOut = (db: Db, sessionId: string) => repo.deletePortalSession(db, sessionId);
/** What the portal shows: the company (from the projections) and who its IT provider is, whose calendar its dates follow. */
export async function portalCompany(db: Db, who: PortalIdentity) {
	const provider = await portalProvider(db, who);
	return { provider, ...(await readPortalCompany(db, who.tenantId, who.customerId)) };
}

/** Who looks after the company: the name the portal shows and the zone its dates are in. */
export async function portalProvider(db: Db, who: PortalIdentity) {
	const tenant = await getTenant(db, who.tenantId);
	return { name: tenant?.name ?? '', timeZone: tenant?.timeZone ?? 'UTC' };
}
