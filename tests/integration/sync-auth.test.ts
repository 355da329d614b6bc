import { describe, expect, it } from 'vitest';
import { serverForFile } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { connect } from '../support/sync.js';

// a short token life, so the expiry case runs in a second
const server = serverForFile({ SYNC_TOKEN_TTL_SECONDS: '2' });

async function syncToken(client: ApiClient): Promise<string> {
	const res = await client.post('/api/v1/sync/token');
	expect(res.status).toBe(200);
	return res.json.token;
}

describe('websocket authentication', () => {
	it('opens the tenant\'s own document with a sync token', async () => {
		const a = await signUpTenant(server.app.url);
		const outcome = await connect(server.app.url, `${a.tenantId}:customer:01a2-c1`, await syncToken(a.client));
		expect(outcome.kind).toBe('synced');
		if (outcome.kind === 'synced') {
			expect(outcome.readOnly).toBe(false);
			outcome.close();
		}
	});

	it('refuses a connection without a token', async () => {
		const a = await signUpTenant(server.app.url);
		const outcome = await connect(server.app.url, `${a.tenantId}:customer:x1`, null);
		expect(outcome).toEqual({ kind: 'refused', reason: 'unauthenticated' });
	});

	it('refuses a forged or expired token', async () => {
		const a = await signUpTenant(server.app.url);
		expect(await connect(server.app.url, `${a.tenantId}:catalog`, 'not-a-real-token')).toEqual({ kind: 'refused', reason: 'unauthenticated' });
		const token = await syncToken(a.client);
		await new Promise((r) => setTimeout(r, 2500));
		expect(await connect(server.app.url, `${a.tenantId}:catalog`, token)).toEqual({ kind: 'refused', reason: 'unauthenticated' });
	});

	it('refuses another tenant\'s document and malformed names', async () => {
		const a = await signUpTenant(server.app.url);
		const b = await signUpTenant(server.app.url);
		const token = await syncToken(a.client);
		expect(await connect(server.app.url, `${b.tenantId}:customer:abc`, token)).toEqual({ kind: 'refused', reason: 'forbidden' });
		for (const name of [`${a.tenantId}:secrets`, `${a.tenantId}:customer:a:b:c`, 'catalog', `${a.tenantId}:customer:'; DROP TABLE ydocs;--`]) {
			expect(await connect(server.app.url, name, token), name).toEqual({ kind: 'refused', reason: 'invalid-document-name' });
		}
	});

	it('refuses a sync token once its browser session logged out', async () => {
		const a = await signUpTenant(server.app.url);
		const token = await syncToken(a.client);
		await a.client.post('/api/v1/auth/logout');
		expect(await connect(server.app.url, `${a.tenantId}:catalog`, token)).toEqual({ kind: 'refused', reason: 'unauthenticated' });
	});

	it('gives a technician the ledger read-only and no one else\'s timesheet', async () => {
		const owner = await signUpTenant(server.app.url);
		const inv = await owner.client.post('/api/v1/invitations', { email: 'sync-tech@example.test', role: 'technician' });
		const tech = new ApiClient(server.app.url);
		const accepted = await tech.post('/api/v1/invitations/accept', {
			token: inv.json.invitation.acceptUrl.split('/invite/')[1],
			name: 'Tech',
			password: 'a long password'
		});
		const token = await syncToken(tech);
		const ledger = await connect(server.app.url, `${owner.tenantId}:ledger`, token);
		expect(ledger.kind === 'synced' && ledger.readOnly).toBe(true);
		if (ledger.kind === 'synced') ledger.close();
		const own = await connect(server.app.url, `${owner.tenantId}:timesheet:${accepted.json.user.id}:2026-W47`, token);
		expect(own.kind === 'synced' && !own.readOnly).toBe(true);
		if (own.kind === 'synced') own.close();
		expect(await connect(server.app.url, `${owner.tenantId}:timesheet:${owner.userId}:2026-W47`, token)).toEqual({ kind: 'refused', reason: 'forbidden' });
	});
});

describe('graceful shutdown', () => {
	it('stores open documents on SIGTERM, so a restart serves what was written', async () => {
		const a = await signUpTenant(server.app.url);
		const name = `${a.tenantId}:customer:shutdown-1`;
		const first = await connect(server.app.url, name, await syncToken(a.client));
		if (first.kind !== 'synced') throw new Error('not synced');
		first.doc.getMap('customer').set('name', 'Contoso Ltd');
		// let the update reach the server (the store itself is debounced)
		await new Promise((r) => setTimeout(r, 500));
		server.app = await server.app.restart();
		first.close();
		const login = new ApiClient(server.app.url);
		expect((await login.post('/api/v1/auth/login', { email: a.input.email, password: a.input.password })).status).toBe(200);
		const second = await connect(server.app.url, name, await syncToken(login));
		if (second.kind !== 'synced') throw new Error('not synced after restart');
		expect(second.doc.getMap('customer').get('name')).toBe('Contoso Ltd');
		second.close();
	});
});
