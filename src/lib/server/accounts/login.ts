import type { Db } from '../db/index.js';
import { burnPasswordCheck, verifyPassword } from '../auth/password.js';
import { RateLimiter } from '../auth/rate-limit.js';
import { createWebSession } from '../auth/sessions.js';
import { AppError } from '../http/errors.js';
import { firstTenantOf } from '../repositories/memberships.js';
import { findUserByEmail } from '../repositories/users.js';
import type { LoginInput } from './schemas.js';

/** Defaults in one place: 5 tries per account and 20 per address every 15 minutes. */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

const byAccount = new RateLimiter(LOGIN_LIMITS.perAccount, LOGIN_LIMITS.windowMs);
const byAddress = new RateLimiter(LOGIN_LIMITS.perAddress, LOGIN_LIMITS.windowMs);

const wrong = () => new AppError(401, 'invalid_credentials', 'Wrong email or password.');

/** Checks a password login and opens a session in the user's tenant. */
export async function logIn(db: Db, input: LoginInput, address: string) {
	const wait = Math.max(byAccount.hit(input.email), byAddress.hit(address));
	if (wait > 0) {
		throw new AppError(429, 'rate_limited', `Too many login attempts. Try again in ${Math.ceil(wait / 60)} minutes.`);
	}
	const user = await findUserByEmail(db, input.email);
	if (!user) {
		await burnPasswordCheck(input.password);
		throw wrong();
	}
	if (!(await verifyPassword(user.passwordHash, input.password))) throw wrong();
	const tenantId = await firstTenantOf(db, user.id);
	if (!tenantId) throw new AppError(403, 'no_membership', 'This account no longer belongs to any company.');
	byAccount.reset(input.email);
	const session = await createWebSession(db, user.id, tenantId);
	return { user, tenantId, session };
}
