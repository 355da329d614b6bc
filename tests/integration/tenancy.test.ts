import { describe, expect, it } from 'vitest';
import { serverForFile } from '../support/app.js';
import { signUpTenant } from '../support/client.js';

const server = serverForFile();

describe('tenant isolation', () => {
	it('a session of tenant A never reads or changes tenant B through any API route', async () => {
		const a = await signUpTenant(server.app.url, 'alpha');
		const b = await signUpTenant(server.app.url, 'bravo');
		const bInvite = await b.client.post('/api/v1/invitations', { email: 'b-staff@example.test', role: 'technician' });
		const bInvitationId = bInvite.json.invitation.id as string;
		const bFile = crypto.randomUUID();
		const uploaded = await fetch(`${server.app.url}/api/v1/files/${bFile}?name=b-secret.txt`, {
			method: 'PUT',
			headers: { origin: server.app.url, cookie: b.client.cookie },
			body: 'bravo only'
		});
		expect(uploaded.status).toBe(201);
		const bImport = await b.client.request('POST', '/api/v1/imports?name=b-import.csv', 'Name\r\nBravo Customer\r\n', { 'content-type': 'text/csv' });
		const bBatchId = bImport.json.batch.id as string;
		const bSecret = [b.tenantId, b.userId, b.input.email, b.input.tenantName, 'b-staff@example.test', 'b-import.csv', bBatchId];

		const reads = ['/api/v1/me', '/api/v1/people', '/api/v1/invitations', '/api/v1/tenant', '/api/v1/imports', '/api/v1/notifications', '/api/v1/sync/rows'];
		for (const path of reads) {
			const res = await a.client.get(path);
			expect(res.status, path).toBe(200);
			for (const secret of bSecret) expect(res.text, `${path} leaks ${secret}`).not.toContain(secret);
		}

		const writes = [
			() => a.client.patch(`/api/v1/people/${b.userId}`, { role: 'technician' }),
			() => a.client.delete(`/api/v1/people/${b.userId}`),
			() => a.client.delete(`/api/v1/invitations/${bInvitationId}`),
			() => a.client.get(`/api/v1/files/${bFile}`),
			() => a.client.get(`/api/v1/imports/${bBatchId}`),
			() => a.client.post(`/api/v1/imports/${bBatchId}/undo`)
		];
		for (const write of writes) {
			const res = await write();
			expect(res.status).toBe(404);
		}

		// B is untouched
		const bPeople = await b.client.get('/api/v1/people');
		expect(bPeople.json.people).toEqual([expect.objectContaining({ userId: b.userId, role: 'owner' })]);
		const bInvitations = await b.client.get('/api/v1/invitations');
		expect(bInvitations.json.invitations.map((i: { id: string }) => i.id)).toEqual([bInvitationId]);
		const bTenant = await b.client.get('/api/v1/tenant');
		expect(bTenant.json.tenant.name).toBe(b.input.tenantName);
	});

	it('a tenant update changes only the caller\'s tenant', async () => {
		const a = await signUpTenant(server.app.url, 'charlie');
		const b = await signUpTenant(server.app.url, 'delta');
		const res = await a.client.patch('/api/v1/tenant', { name: 'Charlie Renamed', currency: 'eur', timeZone: 'Europe/Berlin' });
		expect(res.status).toBe(200);
		expect(res.json.tenant).toMatchObject({ id: a.tenantId, name: 'Charlie Renamed', currency: 'EUR', timeZone: 'Europe/Berlin' });
		expect((await b.client.get('/api/v1/tenant')).json.tenant.name).toBe(b.input.tenantName);
		const bad = await a.client.patch('/api/v1/tenant', { name: 'X', currency: 'euros', timeZone: 'Mars/Olympus' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.error.fields).sort()).toEqual(['currency', 'timeZone']);
	});
});
