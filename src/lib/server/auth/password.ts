import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane (the library's default algorithm is argon2id)
const PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const PASSWORD_MIN_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// a malformed stored hash is a failed login, not a crash
		return false;
	}
}

/**
 * A hash of nothing, verified when the account does not exist, so that
 * "no such user" takes as long as "wrong password" and does not leak emails.
 */
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
	decoy ??= hashPassword('decoy-password-for-timing');
	await verifyPassword(await decoy, password);
}
