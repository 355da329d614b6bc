import { describe, expect, it } from 'vitest';
import { serverForFile } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';

const server = serverForFile();

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invite/')[1];

describe('invitations', () => {
	it('an invited technician accepts and has the technician role', async () => {
		const owner = await signUpTenant(server.app.url);
		const res = await owner.client.post('/api/v1/invitations', { email: 'Tech.One@Example.test', role: 'technician' });
		expect(res.status).toBe(201);
		expect(res.json.invitation).toMatchObject({ email: 'tech.one@example.test', role: 'technician' });
		const token = tokenOf(res.json.invitation.acceptUrl);

		const list = await owner.client.get('/api/v1/invitations');
		expect(list.json.invitations.map((i: { email: string }) => i.email)).toContain('tech.one@example.test');

		const tech = new ApiClient(server.app.url);
		const accepted = await tech.post('/api/v1/invitations/accept', { token, name: 'Tina Tech', password: 'a long password' });
		expect(accepted.status).toBe(201);
		const me = await tech.get('/api/v1/me');
		expect(me.json).toMatchObject({ role: 'technician', tenant: { id: owner.tenantId }, user: { name: 'Tina Tech' } });

		// the link works once
		const again = await new ApiClient(server.app.url).post('/api/v1/invitations/accept', { token, name: 'X', password: 'another password' });
		expect(again.status).toBe(404);
		expect(again.json.error.code).toBe('invitation_invalid');

		// and the person can log in with what they set
		const login = await new ApiClient(server.app.url).post('/api/v1/auth/login', { email: 'tech.one@example.test', password: 'a long password' });
		expect(login.status).toBe(200);

		const people = await owner.client.get('/api/v1/people');
		expect(people.json.people).toEqual(
			expect.arrayContaining([expect.objectContaining({ email: 'tech.one@example.test', role: 'technician' })])
		);
	});

	it('a technician may not invite; an admin may not make owners', async () => {
		const owner = await signUpTenant(server.app.url);
		const techInvite = await owner.client.post('/api/v1/invitations', { email: 'tech2@example.test', role: 'technician' });
		const tech = new ApiClient(server.app.url);
		await tech.post('/api/v1/invitations/accept', { token: tokenOf(techInvite.json.invitation.acceptUrl), name: 'T', password: 'a long password' });
		const denied = await tech.post('/api/v1/invitations', { email: 'x@example.test', role: 'technician' });
		expect(denied.status).toBe(403);
		expect(denied.json.error.code).toBe('forbidden');

		const adminInvite = await owner.client.post('/api/v1/invitations', { email: 'admin2@example.test', role: 'admin' });
		const admin = new ApiClient(server.app.url);
		await admin.post('/api/v1/invitations/accept', { token: tokenOf(adminInvite.json.invitation.acceptUrl), name: 'A', password: 'a long password' });
		expect((await admin.post('/api/v1/invitations', { email: 'o@example.test', role: 'owner' })).status).toBe(403);
		expect((await admin.post('/api/v1/invitations', { email: 'd@example.test', role: 'dispatcher' })).status).toBe(201);
	});

	it('validates the role and email, and refuses inviting a member twice', async () => {
		const owner = await signUpTenant(server.app.url);
		const bad = await owner.client.post('/api/v1/invitations', { email: 'nope', role: 'wizard' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.error.fields).sort()).toEqual(['email', 'role']);
		const self = await owner.client.post('/api/v1/invitations', { email: owner.input.email, role: 'admin' });
		expect(self.status).toBe(409);
	});

	it('the last owner cannot be demoted or removed', async () => {
		const owner = await signUpTenant(server.app.url);
		const demote = await owner.client.patch(`/api/v1/people/${owner.userId}`, { role: 'admin' });
		expect(demote.status).toBe(409);
		expect(demote.json.error.code).toBe('last_owner');
		expect((await owner.client.delete(`/api/v1/people/${owner.userId}`)).status).toBe(409);
	});

	it('a removed member loses their session at once', async () => {
		const owner = await signUpTenant(server.app.url);
		const inv = await owner.client.post('/api/v1/invitations', { email: 'gone@example.test', role: 'dispatcher' });
		const member = new ApiClient(server.app.url);
		const accepted = await member.post('/api/v1/invitations/accept', { token: tokenOf(inv.json.invitation.acceptUrl), name: 'G', password: 'a long password' });
		expect((await owner.client.delete(`/api/v1/people/${accepted.json.user.id}`)).status).toBe(200);
		expect((await member.get('/api/v1/me')).status).toBe(401);
	});
});
