import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/index.js';
import { hashPassword } from '../auth/password.js';
import { createWebSession } from '../auth/sessions.js';
import { AppError } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { insertMembership } from '../repositories/memberships.js';
import { insertTenant } from '../repositories/tenants.js';
import { findUserByEmail, insertUser } from '../repositories/users.js';
import type { SignupInput } from './schemas.js';

/** A new MSP: its tenant, its owner, and a session for the owner, all or nothing. */
export async function signUp(db: Db, input: SignupInput) {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		if (await findUserByEmail(tx, input.email)) throw emailTaken();
		const tenant = await insertTenant(tx, { id: uuidv7(), name: input.tenantName });
		const user = await insertUser(tx, { id: uuidv7(), email: input.email, name: input.name, passwordHash });
		await insertMembership(tx, { tenantId: tenant.id, userId: user.id, role: 'owner' });
		await appendAudit(tx, { tenantId: tenant.id, actorId: user.id, action: 'tenant.created', subject: tenant.name });
		const session = await createWebSession(tx, user.id, tenant.id);
		return { tenant, user, session };
	}).catch((error: unknown) => {
		// two signups with one email at the same moment: the unique index decides
		if ((error as { code?: string }).code === '23505') throw emailTaken();
		throw error;
	});
}

const EMAIL_TAKEN = 'An account with this email already exists. Log in instead.';
export const emailTaken = () => new AppError(409, 'email_taken', EMAIL_TAKEN, { email: EMAIL_TAKEN });
