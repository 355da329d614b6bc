import { describe, expect, it } from 'vitest';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
	it('hash with argon2id and a fresh salt each time', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(a).not.toBe(b);
	});

	it('verify the right password and refuse a wrong one', async () => {
		const stored = await hashPassword('correct horse battery');
		expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(stored, 'correct horse batterY')).toBe(false);
	});

	it('treat a malformed stored hash as a failed check, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
	});

	it('spend the same work when the account does not exist', async () => {
		await expect(burnPasswordCheck('whatever')).resolves.toBeUndefined();
	});
});
