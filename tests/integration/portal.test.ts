import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { serverForFile } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, connect, eventually } from '../support/sync.js';

const server = serverForFile();

describe('customer portal', () => {
	it('a contact with "view" is invited, sets a password and sees only their company', async () => {
		const owner = await signUpTenant(server.app.url);
		const token = (await owner.client.post('/api/v1/sync/token')).json.token;
		const docs: Y.Doc[] = [];
		for (const [id, name] of [['c1', 'Contoso'], ['c2', 'Fabrikam']]) {
			const outcome = await connect(server.app.url, `${owner.tenantId}:customer:${id}`, token);
			if (outcome.kind !== 'synced') throw new Error('not synced');
			setEntity(outcome.doc, 'customer', { id, name, status: 'active' });
			upsertRecord(outcome.doc, 'sites', `${id}-s1`, { name: `${name} HQ`, city: 'Springfield' });
			upsertRecord(outcome.doc, 'contacts', `${id}-p1`, { name: `${name} Admin`, email: `admin@${id}.example`, portalAccess: 'view', siteId: `${id}-s1` });
			upsertRecord(outcome.doc, 'contacts', `${id}-p2`, { name: `${name} User`, email: `user@${id}.example`, portalAccess: 'none' });
			await allAcknowledged(outcome.provider);
			docs.push(outcome.doc);
			outcome.close();
		}
		await eventually(async () => (await readAllRows(owner.client)).contacts.length === 4, 10_000, 'rows');

		// only contacts with "view" and an email can be invited
		expect((await owner.client.post('/api/v1/portal/invitations', { customerId: 'c1', contactId: 'c1-p2' })).json.error.code).toBe('no_portal_access');
		expect((await owner.client.post('/api/v1/portal/invitations', { customerId: 'c1', contactId: 'nope' })).status).toBe(404);
		expect((await owner.client.post('/api/v1/portal/invitations', { customerId: 'c1', contactId: 'x y' })).status).toBe(400);
		const invited = await owner.client.post('/api/v1/portal/invitations', { customerId: 'c1', contactId: 'c1-p1' });
		expect(invited.status).toBe(201);
		const inviteToken = invited.json.invitation.acceptUrl.split('/portal/invite/')[1];

		const portal = new ApiClient(server.app.url);
		expect((await portal.post('/api/v1/portal/invitations/accept', { token: inviteToken, password: 'short' })).status).toBe(400);
		expect((await portal.post('/api/v1/portal/invitations/accept', { token: inviteToken, password: 'portal password 1' })).status).toBe(201);
		const me = await portal.get('/api/v1/portal/me');
		expect(me.status).toBe(200);
		expect(me.json.customer).toMatchObject({ id: 'c1', name: 'Contoso' });
		expect(me.json.sites.map((s: { id: string }) => s.id)).toEqual(['c1-s1']);
		expect(me.json.contacts.map((c: { id: string }) => c.id).sort()).toEqual(['c1-p1', 'c1-p2']);
		expect(me.text).not.toContain('Fabrikam');

		// no staff API, no sync token, no staff page
		for (const path of ['/api/v1/me', '/api/v1/people', '/api/v1/sync/rows', '/api/v1/tenant']) {
			expect((await portal.get(path)).status, path).toBe(403);
		}
		expect((await portal.post('/api/v1/sync/token')).status).toBe(403);
		expect((await portal.get('/customers')).status).toBe(403);
		expect((await portal.get('/portal/anything-else')).status).toBe(404);

		// log out and in again
		await portal.post('/api/v1/portal/auth/logout');
		expect((await portal.get('/api/v1/portal/me')).status).toBe(401);
		expect((await portal.post('/api/v1/portal/auth/login', { email: 'admin@c1.example', password: 'wrong password' })).status).toBe(401);
		expect((await portal.post('/api/v1/portal/auth/login', { email: 'ADMIN@c1.example', password: 'portal password 1' })).status).toBe(200);
		expect((await portal.get('/api/v1/portal/me')).status).toBe(200);

		// taking portal access away ends the portal session
		const again = await connect(server.app.url, `${owner.tenantId}:customer:c1`, (await owner.client.post('/api/v1/sync/token')).json.token);
		if (again.kind !== 'synced') throw new Error('not synced');
		upsertRecord(again.doc, 'contacts', 'c1-p1', { portalAccess: 'none' });
		await allAcknowledged(again.provider);
		await eventually(async () => (await portal.get('/api/v1/portal/me')).status === 401, 10_000, 'access removed');
		again.close();
	});

	it('a staff session cannot read the portal API', async () => {
		const owner = await signUpTenant(server.app.url);
		expect((await owner.client.get('/api/v1/portal/me')).status).toBe(401);
	});
});
