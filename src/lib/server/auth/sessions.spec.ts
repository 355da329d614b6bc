import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../../server/migrations/index.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import type { Db } from '../db/types.js';
import { insertMembership } from '../repositories/memberships.js';
import { findSession, setSessionExpiry } from '../repositories/sessions.js';
import { insertTenant } from '../repositories/tenants.js';
import { insertUser } from '../repositories/users.js';
import { hashToken } from './session-token.js';
import { createSyncToken, createWebSession, invalidateSession, validateSyncToken, validateWebToken } from './sessions.js';

const DAY = 24 * 60 * 60 * 1000;
const TENANT = '01a20148-7cee-7341-87c5-bb7f77ec4ff4';
const USER = '01a20148-7cf3-7566-ae94-24c7333f7d1d';

let db: Db;
beforeAll(async () => {
	db = await openPglite();
	await migrate(db, migrations);
	await insertTenant(db, { id: TENANT, name: 'Northwind IT' });
	await insertUser(db, { id: USER, email: 'nora@example.test', name: 'Nora', passwordHash: 'x' });
	await insertMembership(db, { tenantId: TENANT, userId: USER, role: 'dispatcher' });
});
afterAll(() => db.close());

describe('web sessions', () => {
	it('validate to the user, tenant and role, storing only the hash', async () => {
		const { token } = await createWebSession(db, USER, TENANT);
		expect(await findSession(db, token)).toBeUndefined();
		const result = await validateWebToken(db, token);
		expect(result?.renewed).toBe(false);
		expect(result?.identity).toMatchObject({ userId: USER, tenantId: TENANT, role: 'dispatcher', tenantName: 'Northwind IT' });
	});

	it('slide forward when used in the second half of their life', async () => {
		const { token } = await createWebSession(db, USER, TENANT);
		await setSessionExpiry(db, hashToken(token), new Date(Date.now() + 10 * DAY));
		const result = await validateWebToken(db, token);
		expect(result?.renewed).toBe(true);
		const stored = await findSession(db, hashToken(token));
		expect(stored!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
	});

	it('expire, and an expired one is deleted', async () => {
		const { token } = await createWebSession(db, USER, TENANT);
		await setSessionExpiry(db, hashToken(token), new Date(Date.now() - 1000));
		expect(await validateWebToken(db, token)).toBeNull();
		expect(await findSession(db, hashToken(token))).toBeUndefined();
	});

	it('refuse unknown tokens and sync tokens used as web sessions', async () => {
		expect(await validateWebToken(db, 'nope')).toBeNull();
		const web = await createWebSession(db, USER, TENANT);
		const parent = (await validateWebToken(db, web.token))!.identity;
		const sync = await createSyncToken(db, parent);
		expect(await validateWebToken(db, sync.token)).toBeNull();
	});
});

describe('sync tokens', () => {
	it('live shortly and die with their browser session', async () => {
		const web = await createWebSession(db, USER, TENANT);
		const parent = (await validateWebToken(db, web.token))!.identity;
		const sync = await createSyncToken(db, parent);
		expect((await validateSyncToken(db, sync.token))?.userId).toBe(USER);
		expect(await validateSyncToken(db, sync.token, new Date(sync.expiresAt.getTime() + 1))).toBeNull();
		expect(await validateSyncToken(db, web.token)).toBeNull();
		await invalidateSession(db, parent.sessionId);
		expect(await validateSyncToken(db, sync.token)).toBeNull();
	});
});
