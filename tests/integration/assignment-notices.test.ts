import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

describe('assignment notices', () => {
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
});
