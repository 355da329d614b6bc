import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { addNote, changeWorkflow, createTicket } from '#lib/domain/ticket/edits.js';
import { serverForFile } from '../support/app.js';
import { addMember, signUpTenant, type ApiClient } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

const notices = async (client: ApiClient) => (await client.get('/api/v1/notifications')).json.notifications as { title: string; body: string; link: string }[];

async function mails(): Promise<string[]> {
	const dir = path.join(server.app.database.env.DATA_DIR, 'mail');
	const files = await readdir(dir).catch(() => []);
	return Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
}

describe('ticket notices', () => {
	it('tell the person someone else assigned a ticket, once, in the app and by mail; not those who take one themselves or get one from a rule', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Theo Tech');
		const ids = ['01a20000-0000-7000-8000-0000000000e1', '01a20000-0000-7000-8000-0000000000e2', '01a20000-0000-7000-8000-0000000000e3'];
		const opened = [];
		for (const id of ids) {
			const open = await openAs(owner.client, `${owner.tenantId}:ticket:${id}`);
			createTicket(open.doc, id, { title: `Ticket ${id.slice(-2)}` }, { by: owner.input.name });
			opened.push(open);
		}
		changeWorkflow(opened[0].doc, { assignee: tech.userId }, { by: owner.input.name });
		changeWorkflow(opened[1].doc, { assignee: tech.userId }, { by: 'Theo Tech' });
		changeWorkflow(opened[2].doc, { assignee: tech.userId }, { by: 'rule: Alerts to the lead tech' });
		for (const open of opened) await allAcknowledged(open.provider);

		const told = await eventually(async () => {
			const list = await notices(tech.client);
			return list.length > 0 ? list : null;
		}, 15_000, 'the notice');
		await eventually(async () => (await readAllRows(owner.client)).tickets?.filter((t) => t.assignee === tech.userId).length === 3, 10_000, 'the rows');
		expect(told).toEqual([expect.objectContaining({ title: 'T-1 is yours: Ticket e1', body: `Assigned by ${owner.input.name}.`, link: `/service-desk/tickets/${ids[0]}` })]);
		const mail = (await mails()).find((m) => m.includes('T-1 is yours'));
		expect(mail).toContain(tech.email);
		expect(mail).toContain(`/service-desk/tickets/${ids[0]}`);

		// later edits to the ticket do not tell again; a new assignment by someone else does
		addNote(opened[0].doc, { body: 'More detail', visibility: 'internal' }, { by: owner.input.name });
		changeWorkflow(opened[1].doc, { assignee: owner.userId }, { by: 'Theo Tech' });
		await allAcknowledged(opened[0].provider);
		await allAcknowledged(opened[1].provider);
		await eventually(async () => (await notices(owner.client)).some((n) => n.title === 'T-2 is yours: Ticket e2'), 15_000, 'the owner told of T-2');
		expect(await notices(tech.client)).toHaveLength(1);
		for (const open of opened) open.close();
	});

	it('mail each public note from staff to the ticket\'s contact, once, with the number for replies to thread on; never internal notes', async () => {
		const owner = await signUpTenant(server.app.url);
		const email = `pat-${owner.tenantId.slice(-8)}@contoso.example`;
		const customer = await openAs(owner.client, `${owner.tenantId}:customer:c1`);
		setEntity(customer.doc, 'customer', { id: 'c1', name: 'Contoso', status: 'active' });
		upsertRecord(customer.doc, 'contacts', 'p1', { name: 'Pat', email });
		await allAcknowledged(customer.provider);
		customer.close();
		const id = '01a20000-0000-7000-8000-0000000000f1';
		const open = await openAs(owner.client, `${owner.tenantId}:ticket:${id}`);
		createTicket(open.doc, id, { title: 'Printer offline', customerId: 'c1', contactId: 'p1' }, { by: owner.input.name });
		addNote(open.doc, { body: 'Internal: toner is on back order', visibility: 'internal' }, { by: owner.input.name });
		addNote(open.doc, { body: 'We ordered toner; it arrives tomorrow.', visibility: 'public' }, { by: owner.input.name });
		await allAcknowledged(open.provider);
		const mail = await eventually(async () => (await mails()).find((m) => m.includes(email)) ?? null, 15_000, 'the mail to the contact');
		expect(mail).toContain('Subject: [T-1] Printer offline');
		expect(mail).toContain('We ordered toner; it arrives tomorrow.');
		expect(mail).toContain(`/portal/tickets/${id}`);
		expect(mail).not.toContain('back order');
		// a note from the contact is not mailed back to them, and nothing is mailed twice
		addNote(open.doc, { body: 'Thanks!', visibility: 'public', origin: 'contact' }, { by: 'Pat' });
		addNote(open.doc, { body: 'Delivered.', visibility: 'public' }, { by: owner.input.name });
		await allAcknowledged(open.provider);
		await eventually(async () => (await mails()).filter((m) => m.includes(email)).length === 2, 15_000, 'the second mail');
		const sent = (await mails()).filter((m) => m.includes(email));
		expect(sent.some((m) => m.includes('Thanks!'))).toBe(false);
		open.close();
	});
});
