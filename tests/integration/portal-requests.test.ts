import { describe, expect, it } from 'vitest';
import { setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { addNote, changeWorkflow, createTicket } from '#lib/domain/ticket/edits.js';
import { serverForFile } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

type Owner = Awaited<ReturnType<typeof signUpTenant>>;

/** Two companies, the request types of the catalog (one not offered in the portal), and a portal login at the first. */
async function tenantWithPortal() {
	const owner = await signUpTenant(server.app.url);
	const catalog = await openAs(owner.client, `${owner.tenantId}:catalog`);
	upsertRecord(catalog.doc, 'ticketTypes', 'hw', { name: 'Hardware problem', questions: 'Which device?\n\nSince when?', portal: true });
	upsertRecord(catalog.doc, 'ticketTypes', 'internal', { name: 'Internal maintenance', questions: null, portal: false });
	await allAcknowledged(catalog.provider);
	catalog.close();
	for (const [id, name] of [['c1', 'Contoso'], ['c2', 'Fabrikam']]) {
		const open = await openAs(owner.client, `${owner.tenantId}:customer:${id}`);
		setEntity(open.doc, 'customer', { id, name, status: 'active' });
		upsertRecord(open.doc, 'contacts', `${id}-p1`, { name: `${name} Admin`, email: `admin-${owner.tenantId.slice(-8)}@${id}.example`, portalAccess: 'view' });
		await allAcknowledged(open.provider);
		open.close();
	}
	await eventually(async () => (await readAllRows(owner.client)).contacts?.length === 2, 10_000, 'contacts');
	const invited = await owner.client.post('/api/v1/portal/invitations', { customerId: 'c1', contactId: 'c1-p1' });
	const portal = new ApiClient(server.app.url);
	const token = invited.json.invitation.acceptUrl.split('/portal/invite/')[1];
	expect((await portal.post('/api/v1/portal/invitations/accept', { token, password: 'portal password 1' })).status).toBe(201);
	await eventually(async () => (await portal.get('/api/v1/portal/tickets')).json.types?.length === 1, 10_000, 'the offered types');
	return { owner, portal };
}

const ticketRow = (owner: Owner, id: string) => eventually(async () => (await readAllRows(owner.client)).tickets?.find((t) => t.id === id && t.number !== null) ?? null, 15_000, 'the ticket row');

describe('portal requests', () => {
	it('a contact submits a request with the follow-up answers, staff answer publicly and internally, the contact sees only the public reply and replies', async () => {
		const { owner, portal } = await tenantWithPortal();
		const listed = await portal.get('/api/v1/portal/tickets');
		expect(listed.json).toEqual({ tickets: [], types: [{ id: 'hw', name: 'Hardware problem', questions: ['Which device?', 'Since when?'] }] });

		// every question needs an answer, and only offered types are taken
		const unanswered = await portal.post('/api/v1/portal/tickets', { typeId: 'hw', title: 'Laptop will not boot', answers: ['Laptop-07', ' '] });
		expect(unanswered.status).toBe(400);
		expect(unanswered.json.error.fields).toEqual({ 'answer-1': 'Please answer this question.' });
		const hidden = await portal.post('/api/v1/portal/tickets', { typeId: 'internal', title: 'Sneaky', answers: [] });
		expect(hidden.json.error.fields).toEqual({ typeId: 'Pick one of the request types offered.' });

		const title = 'Laptop <script>alert(1)</script> will not boot';
		const made = await portal.post('/api/v1/portal/tickets', { typeId: 'hw', title, answers: ['Laptop-07', 'Monday'], description: 'Black screen' });
		expect(made.status).toBe(201);
		const id = made.json.ticket.id;
		const row = await ticketRow(owner, id);
		expect(row).toMatchObject({ title, source: 'portal', customerId: 'c1', contactId: 'c1-p1', type: 'hw', status: 'new', answers: 'Which device?: Laptop-07\nSince when?: Monday', number: 1 });
		const notices = (await owner.client.get('/api/v1/notifications')).json.notifications;
		expect(notices[0]).toMatchObject({ title: `New request from Contoso Admin: ${title}`, link: `/service-desk/tickets/${id}` });

		// staff: an internal note, a public answer, and the ticket waits on the customer
		const staff = await openAs(owner.client, `${owner.tenantId}:ticket:${id}`);
		addNote(staff.doc, { body: 'Internal: the warranty ran out', visibility: 'internal' }, { by: 'Dana' });
		addNote(staff.doc, { body: 'Is the charger light on?', visibility: 'public' }, { by: 'Dana' });
		changeWorkflow(staff.doc, { status: 'waiting-on-customer' }, { by: 'Dana' });
		await allAcknowledged(staff.provider);
		const seen = await eventually(async () => {
			const ticket = (await portal.get(`/api/v1/portal/tickets/${id}`)).json.ticket;
			return ticket?.notes.length === 1 && ticket.status === 'Waiting on customer' ? ticket : null;
		}, 15_000, 'the public note in the portal');
		expect(seen.notes[0]).toMatchObject({ body: 'Is the charger light on?', by: 'Dana', origin: 'staff' });
		expect(JSON.stringify(seen)).not.toContain('warranty');
		const page = await portal.get(`/portal/tickets/${id}`);
		expect(page.text).toContain('Is the charger light on?');
		expect(page.text).not.toContain('warranty');
		expect(page.text).not.toContain('<script>alert(1)');

		// the contact replies: a public note from the company, and the ticket is no longer waiting
		const reply = await portal.post(`/api/v1/portal/tickets/${id}/replies`, { body: 'Yes, it is orange' });
		expect(reply.status).toBe(201);
		await eventually(() => [...staff.doc.getMap('notes').values()].some((n) => (n as { get(k: string): unknown }).get('body') === 'Yes, it is orange'), 10_000, 'the reply in the document');
		await eventually(async () => (await readAllRows(owner.client)).tickets?.find((t) => t.id === id)?.status === 'in-progress', 15_000, 'the status after the reply');
		const thread = (await portal.get(`/api/v1/portal/tickets/${id}`)).json.ticket.notes;
		expect(thread.map((n: { body: string; origin: string }) => [n.origin, n.body])).toEqual([
			['staff', 'Is the charger light on?'],
			['contact', 'Yes, it is orange']
		]);
		staff.close();
	});

	it('shows nothing of another company, and refuses staff, strangers and bad input', async () => {
		const { owner, portal } = await tenantWithPortal();
		const other = '01a20000-0000-7000-8000-0000000000c2';
		const open = await openAs(owner.client, `${owner.tenantId}:ticket:${other}`);
		createTicket(open.doc, other, { title: 'Fabrikam server', customerId: 'c2' }, { by: 'Dana' });
		await allAcknowledged(open.provider);
		open.close();
		await ticketRow(owner, other);
		expect((await portal.get('/api/v1/portal/tickets')).json.tickets).toEqual([]);
		expect((await portal.get(`/api/v1/portal/tickets/${other}`)).status).toBe(404);
		expect((await portal.post(`/api/v1/portal/tickets/${other}/replies`, { body: 'hello' })).status).toBe(404);
		expect((await portal.post(`/api/v1/portal/tickets/not-a-uuid/replies`, { body: 'hello' })).status).toBe(404);
		expect((await portal.post('/api/v1/portal/tickets', { typeId: 'hw', title: '', answers: [] })).json.error.fields.title).toBeTruthy();
		// a staff session is not a portal session, nor is nobody's
		expect((await owner.client.get('/api/v1/portal/tickets')).status).toBe(401);
		expect((await new ApiClient(server.app.url).get('/api/v1/portal/tickets')).status).toBe(401);
	});
});
