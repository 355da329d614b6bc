import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { readChanges } from '#lib/domain/customer/history.js';
import { serverForFile } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

type Owner = Awaited<ReturnType<typeof signUpTenant>>;

// portal logins are unique across MSPs: each test's contacts have their own addresses
const adminEmail = (owner: Owner, customerId: string) => `admin-${owner.tenantId.slice(-8)}@${customerId}.example`;

/** Two companies of one MSP, a product each runs, and a portal login for a contact of the first. */
async function tenantWithPortal() {
	const owner = await signUpTenant(server.app.url);
	const catalog = await openAs(owner.client, `${owner.tenantId}:catalog`);
	upsertRecord(catalog.doc, 'vendors', 'v1', { name: 'Datto' });
	upsertRecord(catalog.doc, 'categories', 'k1', { name: 'Backup' });
	upsertRecord(catalog.doc, 'products', 'pr1', { name: 'BCDR', vendorId: 'v1', categoryId: 'k1', unitCost: 3000, unitPrice: 5500, unit: 'per-device' });
	upsertRecord(catalog.doc, 'products', 'pr2', { name: 'Secret product', unitCost: 100, unitPrice: 200, unit: 'flat' });
	await allAcknowledged(catalog.provider);
	catalog.close();
	for (const [id, name] of [['c1', 'Contoso'], ['c2', 'Fabrikam']]) {
		const open = await openAs(owner.client, `${owner.tenantId}:customer:${id}`);
		setEntity(open.doc, 'customer', { id, name, status: 'active', phone: '+1 555 0100' });
		upsertRecord(open.doc, 'sites', `${id}-s1`, { name: `${name} HQ` });
		upsertRecord(open.doc, 'contacts', `${id}-p1`, { name: `${name} Admin`, email: adminEmail(owner, id), portalAccess: 'view', siteId: `${id}-s1` });
		upsertRecord(open.doc, 'contacts', `${id}-p2`, { name: `${name} User`, title: 'Accounts', portalAccess: 'none' });
		upsertRecord(open.doc, 'deployments', `${id}-d1`, { productId: id === 'c1' ? 'pr1' : 'pr2', quantity: 12, since: '2026-02-01' });
		upsertRecord(open.doc, 'devices', `${id}-dev1`, { name: `${name}-DC01`, type: 'server', warrantyExpiry: '2028-02-29' });
		await allAcknowledged(open.provider);
		open.close();
	}
	await eventually(async () => (await readAllRows(owner.client)).devices?.length === 2, 10_000, 'rows');
	const invited = await owner.client.post('/api/v1/portal/invitations', { customerId: 'c1', contactId: 'c1-p1' });
	const portal = new ApiClient(server.app.url);
	const token = invited.json.invitation.acceptUrl.split('/portal/invite/')[1];
	expect((await portal.post('/api/v1/portal/invitations/accept', { token, password: 'portal password 1' })).status).toBe(201);
	return { owner, portal };
}

/** The customer document as the server has it now, through a fresh connection. */
async function customerDoc(owner: Owner, id: string): Promise<Y.Doc> {
	const open = await openAs(owner.client, `${owner.tenantId}:customer:${id}`);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(open.doc));
	open.close();
	return doc;
}

describe('the portal shows what the company runs', () => {
	it('lists its products with quantities and its devices, and nothing of another company or the MSP\'s prices', async () => {
		const { portal } = await tenantWithPortal();
		const me = await portal.get('/api/v1/portal/me');
		expect(me.json.products).toEqual([
			{ id: 'c1-d1', productName: 'BCDR', vendorName: 'Datto', categoryName: 'Backup', unit: 'per-device', quantity: 12, since: '2026-02-01', siteId: null }
		]);
		expect(me.json.devices).toEqual([expect.objectContaining({ id: 'c1-dev1', name: 'Contoso-DC01', type: 'server', warrantyExpiry: '2028-02-29' })]);
		expect(me.text).not.toContain('Secret product');
		expect(me.text).not.toContain('Fabrikam');
		expect(me.text).not.toContain('5500');
	});
});

describe('portal proposals', () => {
	it('a contact proposes, staff see it beside nothing changed, accept it into the document, and the contact sees the result', async () => {
		const { owner, portal } = await tenantWithPortal();
		const proposed = await portal.post('/api/v1/portal/proposals', {
			kind: 'contact',
			contactId: 'c1-p2',
			fields: { name: 'Contoso User', title: 'Finance director', email: 'user@c1.example', siteId: 'c1-s1' },
			note: 'Promoted in March'
		});
		expect(proposed.status).toBe(201);
		// only what differs is proposed
		expect(proposed.json.proposal.changes).toEqual({
			title: { from: 'Accounts', to: 'Finance director' },
			email: { from: null, to: 'user@c1.example' },
			siteId: { from: null, to: 'c1-s1' }
		});

		// the reviewers hear of it; the document has not changed
		const notes = (await owner.client.get('/api/v1/notifications')).json.notifications;
		expect(notes[0]).toMatchObject({ kind: 'proposal', link: '/customers/c1#proposals' });
		expect(notes[0].title).toContain('Contact Contoso User: Title, Email, Site');
		expect((await customerDoc(owner, 'c1')).getMap<Y.Map<unknown>>('contacts').get('c1-p2')!.get('title')).toBe('Accounts');

		const listed = await owner.client.get('/api/v1/proposals?customerId=c1&status=pending');
		expect(listed.json.proposals).toHaveLength(1);
		const id = listed.json.proposals[0].id;
		const accepted = await owner.client.post(`/api/v1/proposals/${id}/accept`, { note: 'Done, congratulations' });
		expect(accepted.status).toBe(200);
		expect(accepted.json.proposal).toMatchObject({ status: 'accepted', decisionNote: 'Done, congratulations' });
		// a second press, or a decline after, changes nothing
		expect((await owner.client.post(`/api/v1/proposals/${id}/accept`, {})).json.error.code).toBe('already_decided');
		expect((await owner.client.post(`/api/v1/proposals/${id}/decline`, {})).status).toBe(409);

		// written into the document, with a history entry naming both people
		const doc = await customerDoc(owner, 'c1');
		const contact = doc.getMap<Y.Map<unknown>>('contacts').get('c1-p2')!;
		expect(contact.toJSON()).toMatchObject({ title: 'Finance director', email: 'user@c1.example', siteId: 'c1-s1', portalAccess: 'none' });
		const entry = readChanges(doc).find((c) => c.field === 'title')!;
		expect(entry).toMatchObject({ from: 'Accounts', to: 'Finance director', by: `${owner.input.name} (proposed by Contoso Admin)` });

		// projected, so the portal shows it, and the proposal's outcome
		await eventually(async () => (await portal.get('/api/v1/portal/me')).json.contacts.find((c: { id: string }) => c.id === 'c1-p2')?.title === 'Finance director', 10_000, 'the portal row');
		const me = (await portal.get('/api/v1/portal/me')).json;
		expect(me.proposals[0]).toMatchObject({ status: 'accepted', decisionNote: 'Done, congratulations' });
		expect(me.proposals[0].decidedByName).toBeUndefined();
	});

	it('adds a new contact without portal access, marks one who left as deleted, and declines with a note', async () => {
		const { owner, portal } = await tenantWithPortal();
		const added = await portal.post('/api/v1/portal/proposals', { kind: 'new-contact', fields: { name: 'Sam New', email: 'sam@c1.example' } });
		const left = await portal.post('/api/v1/portal/proposals', { kind: 'contact-left', contactId: 'c1-p2' });
		const profile = await portal.post('/api/v1/portal/proposals', { kind: 'profile', fields: { phone: '+1 555 0199' } });
		for (const r of [added, left, profile]) expect(r.status).toBe(201);

		await owner.client.post(`/api/v1/proposals/${added.json.proposal.id}/accept`, {});
		await owner.client.post(`/api/v1/proposals/${left.json.proposal.id}/accept`, {});
		const declined = await owner.client.post(`/api/v1/proposals/${profile.json.proposal.id}/decline`, { note: 'That is your fax number' });
		expect(declined.json.proposal).toMatchObject({ status: 'declined', decisionNote: 'That is your fax number' });

		const doc = await customerDoc(owner, 'c1');
		const contacts = [...doc.getMap<Y.Map<unknown>>('contacts').values()].map((c) => c.toJSON());
		expect(contacts.find((c) => c.name === 'Sam New')).toMatchObject({ email: 'sam@c1.example', portalAccess: 'none', deletedAt: null });
		expect(contacts.find((c) => c.id === 'c1-p2')!.deletedAt).toEqual(expect.any(String));
		expect(doc.getMap('customer').get('phone')).toBe('+1 555 0100');

		// the contact is told by mail (no SMTP here: written to DATA_DIR/mail)
		const dir = path.join(server.app.database.env.DATA_DIR, 'mail');
		const mails = await Promise.all((await readdir(dir)).map((f) => readFile(path.join(dir, f), 'utf8')));
		const toContact = mails.filter((m) => m.includes(adminEmail(owner, 'c1')) && m.includes('suggested'));
		expect(toContact.some((m) => m.includes('did not make the change') && m.includes('That is your fax number'))).toBe(true);
		expect(toContact.some((m) => m.includes('New contact Sam New'))).toBe(true);
	});

	it('refuses bad input with clear messages and keeps companies and tenants apart', async () => {
		const { owner, portal } = await tenantWithPortal();
		const bad = await portal.post('/api/v1/portal/proposals', { kind: 'contact', contactId: 'c1-p2', fields: { email: 'not-an-email' } });
		expect(bad.status).toBe(400);
		expect(bad.json.error.fields['fields.email']).toBe('This is not an email address.');
		expect((await portal.post('/api/v1/portal/proposals', { kind: 'profile', fields: { status: 'inactive' } })).status).toBe(400);
		expect((await portal.post('/api/v1/portal/proposals', { kind: 'contact', contactId: 'c1-p2', fields: { title: 'Accounts' } })).json.error.message).toContain('Nothing would change');
		// another company's contact and site do not exist for this contact
		expect((await portal.post('/api/v1/portal/proposals', { kind: 'contact', contactId: 'c2-p1', fields: { title: 'Boss' } })).status).toBe(404);
		expect((await portal.post('/api/v1/portal/proposals', { kind: 'contact', contactId: 'c1-p2', fields: { siteId: 'c2-s1' } })).json.error.fields.siteId).toBe('Pick one of your sites.');
		// markup and SQL are kept as plain text
		const odd = "<img src=x onerror=alert(1)>'; DROP TABLE contacts; --";
		const stored = await portal.post('/api/v1/portal/proposals', { kind: 'new-contact', fields: { name: odd } });
		expect(stored.json.proposal.changes.name.to).toBe(odd);

		// a portal session cannot decide, a staff member of another MSP cannot see or decide
		const id = stored.json.proposal.id;
		expect((await portal.post(`/api/v1/proposals/${id}/accept`, {})).status).toBe(403);
		expect((await portal.get('/api/v1/proposals')).status).toBe(403);
		const stranger = await signUpTenant(server.app.url);
		expect((await stranger.client.get('/api/v1/proposals')).json.proposals).toEqual([]);
		expect((await stranger.client.post(`/api/v1/proposals/${id}/accept`, {})).status).toBe(404);
		expect((await owner.client.post('/api/v1/proposals/not-a-uuid/accept', {})).status).toBe(404);
		expect((await owner.client.get('/api/v1/proposals?status=nonsense')).status).toBe(400);
	});
});
