import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { addNote, createTicket, newTicketId, ticketEvents, type NewTicket } from '#lib/domain/ticket/edits.js';
import { serverForFile, startSibling, type RunningApp } from '../support/app.js';
import { addMember, ApiClient, signUpTenant } from '../support/client.js';
import { integrationKey, postAlert } from '../support/intake.js';
import { testBackend } from '../support/database.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

// the test clock moves a tenant's time forward; the scheduler also ticks every second on its own
const ENV = { STACKDESK_TEST_CLOCK: 'unsafe-test-only', RULES_TICK_SECONDS: '1' };
// several nodes need a shared database server (PGlite is one process) and Redis
const multiNode = testBackend() === 'postgres';
const REDIS = { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };
const server = serverForFile(multiNode ? { ...ENV, ...REDIS } : ENV);
let second: RunningApp | undefined;
afterAll(() => second?.stop());

type Client = ApiClient;
interface Person {
	client: Client;
	userId: string;
	email: string;
}

const invite = (owner: Awaited<ReturnType<typeof signUpTenant>>, role: string, name: string): Promise<Person> => addMember(owner, server.app.url, role, name);

/** Opens a document as `client`, changes it, waits for the server to have it. */
async function edit(client: Client, name: string, change: (doc: Y.Doc) => void) {
	const open = await openAs(client, name);
	change(open.doc);
	await allAcknowledged(open.provider);
	return open;
}

const rule = (id: string, name: string, trigger: string, conditions: unknown[], actions: unknown[], more: Record<string, unknown> = {}) => ({
	id,
	name,
	enabled: true,
	trigger,
	conditions: JSON.stringify(conditions),
	actions: JSON.stringify(actions),
	rank: id,
	deletedAt: null,
	...more
});

/**
 * A tenant as the issue describes it: Joe the technician, Lee the lead tech of
 * Acme and Contoso, Sam the service manager; Acme, Contoso (class Premier) and
 * Fabrikam (Standard); the queues Dispatch and Immediate Attention; a default
 * SLA policy (round the clock: resolution of a normal ticket in 60 minutes); and rules.
 */
async function serviceDesk(rules: (people: { joe: string; lee: string; sam: string }) => ReturnType<typeof rule>[]) {
	const owner = await signUpTenant(server.app.url);
	const [joe, lee, sam] = [await invite(owner, 'technician', 'Joe'), await invite(owner, 'technician', 'Lee'), await invite(owner, 'dispatcher', 'Sam')];
	const customers = { acme: 'cust-acme', contoso: 'cust-contoso', fabrikam: 'cust-fabrikam' };
	const opened = [
		await edit(owner.client, `${owner.tenantId}:customer:${customers.acme}`, (doc) => {
			setEntity(doc, 'customer', { id: customers.acme, name: 'Acme', status: 'active', leadTechId: lee.userId });
			upsertRecord(doc, 'contacts', 'pat', { name: 'Pat Contact', email: `pat-${owner.tenantId.slice(-8)}@acme.example`, portalAccess: 'view' });
		}),
		await edit(owner.client, `${owner.tenantId}:customer:${customers.contoso}`, (doc) =>
			setEntity(doc, 'customer', { id: customers.contoso, name: 'Contoso', status: 'active', classification: 'Premier', leadTechId: lee.userId })
		),
		await edit(owner.client, `${owner.tenantId}:customer:${customers.fabrikam}`, (doc) => {
			setEntity(doc, 'customer', { id: customers.fabrikam, name: 'Fabrikam', status: 'active', classification: 'Standard' });
			upsertRecord(doc, 'contacts', 'fay', { name: 'Fay Contact', email: `fay-${owner.tenantId.slice(-8)}@fabrikam.example`, portalAccess: 'view' });
		}),
		await edit(owner.client, `${owner.tenantId}:catalog`, (doc) => {
			upsertRecord(doc, 'queues', 'dispatch', { name: 'Dispatch', rank: 'a', deletedAt: null });
			upsertRecord(doc, 'ticketTypes', 'request', { name: 'Request', portal: true, deletedAt: null });
			upsertRecord(doc, 'queues', 'immediate-attention', { name: 'Immediate Attention', rank: 'b', deletedAt: null });
			upsertRecord(doc, 'calendars', 'always', { name: 'Round the clock', timeZone: 'UTC', hours: '24x7', holidays: null, deletedAt: null });
			upsertRecord(doc, 'slaPolicies', 'standard', { name: 'Standard', calendarId: 'always', isDefault: true, resolutionNormal: 60, resolutionCritical: 240, deletedAt: null });
			for (const r of rules({ joe: joe.userId, lee: lee.userId, sam: sam.userId })) upsertRecord(doc, 'rules', r.id, r);
		})
	];
	for (const open of opened) open.close();
	// the customers' rows carry the class and lead tech the rules look at
	await eventually(async () => (await readAllRows(owner.client)).customers.length === 3, 15_000, 'the customers');
	const portals = { acme: await portalLogin(owner, customers.acme, 'pat'), fabrikam: await portalLogin(owner, customers.fabrikam, 'fay') };
	return { owner, joe, lee, sam, customers, portals, key: await integrationKey(owner.client) };
}
type Desk = Awaited<ReturnType<typeof serviceDesk>>;

/** A contact invited to the portal, signed in. */
async function portalLogin(owner: Awaited<ReturnType<typeof signUpTenant>>, customerId: string, contactId: string): Promise<Client> {
	const invited = await owner.client.post('/api/v1/portal/invitations', { customerId, contactId });
	const portal = new ApiClient(server.app.url);
	await portal.post('/api/v1/portal/invitations/accept', { token: invited.json.invitation.acceptUrl.split('/portal/invite/')[1], password: 'portal password 1' });
	return portal;
}

/** Makes a ticket at a desk as staff do: a document written through a real provider. */
async function submitTicket(desk: Desk, fields: NewTicket, by: string): Promise<string> {
	const id = newTicketId();
	const open = await edit(desk.owner.client, `${desk.owner.tenantId}:ticket:${id}`, (doc) => createTicket(doc, id, fields, { by }));
	open.close();
	return id;
}

/** A request from Acme's contact through the portal (POST /api/v1/portal/tickets). */
async function portalRequest(desk: Desk, contact: 'acme' | 'fabrikam', title: string): Promise<string> {
	const res = await desk.portals[contact].post('/api/v1/portal/tickets', { typeId: 'request', title, answers: [] });
	expect(res.status).toBe(201);
	return res.json.ticket.id;
}

/** An alert from monitoring (POST /api/v1/alerts with the tenant's integration key). */
async function alert(desk: Desk, title: string, alertKey: string): Promise<string> {
	const res = await postAlert(server.app.url, desk.key, { source: 'monitoring', alertKey, customer: 'Acme', severity: 'high', title });
	expect(res.status).toBe(201);
	return res.json.ticketId;
}

async function ticketRow(desk: Desk, id: string, until: (row: Record<string, any>) => boolean = () => true, what = `ticket ${id}`) {
	return eventually(async () => {
		const row = (await readAllRows(desk.owner.client)).tickets?.find((t) => t.id === id);
		return row && row.number !== null && until(row) ? row : null;
	}, 20_000, what);
}

const notifications = async (person: Person): Promise<{ title: string; body: string; link: string; kind: string }[]> =>
	(await person.client.get('/api/v1/notifications')).json.notifications;

async function mailsTo(email: string): Promise<string[]> {
	const dir = path.join(server.app.database.env.DATA_DIR, 'mail');
	const files = await readdir(dir).catch(() => [] as string[]);
	const mails = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
	return mails.filter((m) => m.includes(`To: ${email}`));
}

/** The tenant's time on the server (the test clock). */
const clockNow = async (client: Client) => Date.parse((await client.get('/api/v1/test/clock')).json.now);

/** Moves the tenant's clock to `at` and runs the scheduler's tick for it there. */
async function tickAt(desk: Desk, at: number) {
	const res = await desk.owner.client.post('/api/v1/test/clock', { advanceMinutes: Math.max(0, (at - (await clockNow(desk.owner.client))) / 60_000) });
	expect(res.status).toBe(200);
	return res.json.tick as { tickets: number; fired: number };
}

const minutes = (n: number) => n * 60_000;

describe('workflow rules on the server', () => {
	it('(1) every new request from Acme entered through the portal goes to Joe and the Dispatch queue', async () => {
		const desk = await serviceDesk(({ joe }) => [
			rule('r1', 'Acme portal requests', 'created', [{ field: 'customerId', op: 'is', value: 'cust-acme' }, { field: 'source', op: 'is', value: 'portal' }], [{ assign: joe }, { queue: 'dispatch' }]),
			// neither of these ever runs: one is switched off, the other cannot be read
			rule('r2', 'Switched off', 'created', [], [{ status: 'scheduled' }], { enabled: false }),
			{ ...rule('r3', 'Broken', 'created', [], [{ queue: 'nowhere' }]), conditions: '[{"field":"colour","op":"is","value":"red"}]' }
		]);
		const portal = await portalRequest(desk, 'acme', 'New starter needs a laptop');
		const phone = await submitTicket(desk, { title: 'Printer jam', source: 'phone', customerId: desk.customers.acme }, 'Dana');
		const other = await portalRequest(desk, 'fabrikam', 'Password reset');

		const routed = await ticketRow(desk, portal, (t) => t.assignee === desk.joe.userId, 'the portal request routed');
		expect(routed).toMatchObject({ queue: 'dispatch', status: 'new', source: 'portal' });
		for (const id of [phone, other]) expect(await ticketRow(desk, id)).toMatchObject({ assignee: null, queue: null, status: 'new' });

		// the timeline says the rule did it
		const open = await openAs(desk.owner.client, `${desk.owner.tenantId}:ticket:${portal}`);
		expect(ticketEvents(open.doc).filter((e) => e.by === 'rule: Acme portal requests').map((e) => [e.field, e.value]).sort()).toEqual([
			['assignee', desk.joe.userId],
			['queue', 'dispatch']
		]);
		// Joe moves it on; the created rule does not come back on later changes
		upsertRecord(open.doc, 'events', newTicketId(), { at: new Date().toISOString(), by: 'Joe', field: 'queue', value: 'triage' });
		await allAcknowledged(open.provider);
		open.close();
		await ticketRow(desk, portal, (t) => t.queue === 'triage', 'Joe\'s change');
		await new Promise((r) => setTimeout(r, 1500));
		expect((await ticketRow(desk, portal)).queue).toBe('triage');
	});

	it('(2) a web server down alert goes to the lead tech at critical, who is told; the service manager hears after 10 idle minutes, not before, and not if someone worked on it', async () => {
		const desk = await serviceDesk(({ sam }) => [
			rule(
				'r1',
				'Web server down',
				'created',
				[{ field: 'source', op: 'is', value: 'alert' }, { field: 'title', op: 'contains', value: 'web server' }],
				[{ assign: 'lead' }, { priority: 'critical' }, { notify: 'lead', subject: '{{ticket.number}} down at {{customer.name}}', body: '{{ticket.title}} is {{ticket.priority}}.' }]
			),
			rule(
				'r2',
				'Web server still down',
				'timer',
				[{ field: 'source', op: 'is', value: 'alert' }, { field: 'title', op: 'contains', value: 'web server' }, { open: true }, { idleMinutes: 10 }],
				[{ notify: { user: sam }, subject: 'Nobody is on {{ticket.number}} ({{customer.name}})' }]
			)
		]);
		const idle = await alert(desk, 'Web server down: www01', 'www01/http');
		const worked = await alert(desk, 'Web server down: www02', 'www02/http');
		const row = await ticketRow(desk, idle, (t) => t.assignee === desk.lee.userId, 'the alert assigned to the lead tech');
		expect(row.priority).toBe('critical');
		await ticketRow(desk, worked, (t) => t.priority === 'critical');

		// Lee is told, in the app and by mail, with a link that opens the ticket
		const told = await eventually(async () => ((await notifications(desk.lee)).length === 2 ? notifications(desk.lee) : null), 10_000, 'the lead tech told');
		expect(told.find((n) => n.link === `/service-desk/tickets/${idle}`)).toMatchObject({ kind: 'rule', title: `T-${row.number} down at Acme`, body: 'Web server down: www01 is critical.' });
		const mail = await eventually(async () => (await mailsTo(desk.lee.email)).find((m) => m.includes(`/service-desk/tickets/${idle}`)), 10_000, 'the mail to the lead tech');
		expect(mail).toMatch(new RegExp(`^Subject: T-${row.number} down at Acme`, 'm'));
		expect(mail).toMatch(/^Content-Type: text\/plain/m);

		const createdAt = Date.parse(row.createdAt);
		// five minutes in, Lee writes a note on the second one: someone is working on it
		await tickAt(desk, createdAt + minutes(5));
		const noteAt = new Date(await clockNow(desk.owner.client)).toISOString();
		(await edit(desk.lee.client, `${desk.owner.tenantId}:ticket:${worked}`, (doc) => addNote(doc, { body: 'Restarting nginx', visibility: 'internal' }, { by: 'Lee', at: new Date(noteAt) }))).close();
		await ticketRow(desk, worked, (t) => t.lastActivityAt === noteAt, 'the note counted as activity');

		// not before ten minutes
		await tickAt(desk, createdAt + minutes(9.5));
		expect(await notifications(desk.sam)).toEqual([]);
		// ten minutes with nothing done: Sam hears about the first, not the one Lee worked on
		await tickAt(desk, createdAt + minutes(10) + 1000);
		const escalated = await notifications(desk.sam);
		expect(escalated.map((n) => n.link)).toEqual([`/service-desk/tickets/${idle}`]);
		expect(escalated[0].title).toBe(`Nobody is on T-${row.number} (Acme)`);

		// it fires once, however many ticks look at it (the scheduler ticks every second as well)
		await tickAt(desk, createdAt + minutes(12));
		await new Promise((r) => setTimeout(r, 2500));
		expect((await notifications(desk.sam)).filter((n) => n.link.endsWith(idle))).toHaveLength(1);
		expect((await mailsTo(desk.sam.email)).filter((m) => m.includes(idle))).toHaveLength(1);

		// ten minutes after Lee's note with nothing more done, that one is idle too
		await tickAt(desk, Date.parse(noteAt) + minutes(10) + 1000);
		expect((await notifications(desk.sam)).map((n) => n.link).sort()).toEqual([`/service-desk/tickets/${idle}`, `/service-desk/tickets/${worked}`].sort());
	});

	it('(3) every overdue ticket of a Premier customer moves to Immediate Attention, becomes critical, and the service manager is told', async () => {
		const desk = await serviceDesk(({ sam }) => [
			rule(
				'r1',
				'Premier overdue',
				'timer',
				[{ field: 'customerClass', op: 'is', value: 'Premier' }, { overdue: true }],
				[{ queue: 'immediate-attention' }, { priority: 'critical' }, { notify: { user: sam }, subject: 'Overdue: {{ticket.number}} {{ticket.title}} ({{customer.name}})' }]
			)
		]);
		const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		const premier = await submitTicket(desk, { title: 'VPN drops every hour', source: 'phone', customerId: desk.customers.contoso }, 'Dana');
		const standard = await submitTicket(desk, { title: 'VPN drops too', source: 'phone', customerId: desk.customers.fabrikam }, 'Dana');
		const pastDue = await submitTicket(desk, { title: 'Quarterly review', source: 'manual', customerId: desk.customers.contoso, dueDate: yesterday }, 'Dana');
		const row = await ticketRow(desk, premier);
		await ticketRow(desk, standard);
		await ticketRow(desk, pastDue);
		const createdAt = Date.parse(row.createdAt);

		// within the 60-minute target only the ticket past its due date is overdue
		await tickAt(desk, createdAt + minutes(30));
		await ticketRow(desk, pastDue, (t) => t.queue === 'immediate-attention' && t.priority === 'critical', 'the past-due ticket escalated');
		expect(await ticketRow(desk, premier)).toMatchObject({ queue: null, priority: 'normal' });

		// past the resolution target: the Premier ticket escalates, the Standard one does not
		await tickAt(desk, createdAt + minutes(61));
		await ticketRow(desk, premier, (t) => t.queue === 'immediate-attention' && t.priority === 'critical', 'the breached Premier ticket escalated');
		expect(await ticketRow(desk, standard)).toMatchObject({ queue: null, priority: 'normal' });
		const told = await notifications(desk.sam);
		expect(told.map((n) => n.link).sort()).toEqual([`/service-desk/tickets/${premier}`, `/service-desk/tickets/${pastDue}`].sort());
		expect(told.find((n) => n.link.endsWith(premier))!.title).toBe(`Overdue: T-${row.number} VPN drops every hour (Contoso)`);

		// still overdue on later ticks: nothing more happens
		await tickAt(desk, createdAt + minutes(120));
		expect(await notifications(desk.sam)).toHaveLength(2);
	});

	it.skipIf(!multiNode)('fires each rule once per ticket with two nodes materializing and ticking at once', async () => {
		second = await startSibling(server.app, { ...ENV, ...REDIS });
		const desk = await serviceDesk(({ joe, sam }) => [
			rule('r1', 'Acme portal requests', 'created', [{ field: 'source', op: 'is', value: 'portal' }], [{ assign: joe }, { notify: 'assignee' }]),
			rule('r2', 'Tell Sam', 'timer', [{ open: true }], [{ notify: { user: sam } }])
		]);
		const nodes = [desk.owner.client, new ApiClient(second.url, desk.owner.client.cookie)];
		const ids = await Promise.all(
			Array.from({ length: 24 }, async (_, i) => {
				const id = newTicketId();
				const open = await edit(nodes[i % 2], `${desk.owner.tenantId}:ticket:${id}`, (doc) =>
					createTicket(doc, id, { title: `Request ${i}`, source: 'portal', customerId: desk.customers.acme }, { by: 'Pat Contact' })
				);
				open.close();
				return id;
			})
		);
		await eventually(async () => {
			const rows = (await readAllRows(desk.owner.client)).tickets ?? [];
			return rows.length === 24 && rows.every((t) => t.assignee === desk.joe.userId && t.number !== null);
		}, 100_000, 'every request routed');
		await eventually(async () => (await notifications(desk.sam)).length >= 24, 20_000, 'Sam told of each');
		// a few more ticks on both nodes
		await new Promise((r) => setTimeout(r, 3000));
		expect((await notifications(desk.joe)).length).toBe(24);
		expect((await notifications(desk.sam)).length).toBe(24);
		for (const id of ids.slice(0, 4)) {
			const open = await openAs(desk.owner.client, `${desk.owner.tenantId}:ticket:${id}`);
			expect(ticketEvents(open.doc).filter((e) => e.by === 'rule: Acme portal requests')).toHaveLength(1);
			open.close();
		}
	}, 150_000);

	it('the test clock is for owners and admins, and moves time forward only', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await invite(owner, 'technician', 'Tia');
		expect((await tech.client.post('/api/v1/test/clock', { advanceMinutes: 5 })).status).toBe(403);
		expect((await owner.client.post('/api/v1/test/clock', { advanceMinutes: -5 })).status).toBe(400);
		const before = await clockNow(owner.client);
		await owner.client.post('/api/v1/test/clock', { advanceMinutes: 60 });
		expect(await clockNow(owner.client)).toBeGreaterThanOrEqual(before + minutes(60));
		// other tenants keep the real time
		const other = await signUpTenant(server.app.url);
		expect(Math.abs((await clockNow(other.client)) - Date.now())).toBeLessThan(minutes(1));
	});

	it('logged no failure of a rule on any node', () => {
		const logs = server.app.output() + (second?.output() ?? '');
		expect(logs).not.toMatch(/rules (tick )?for tenant|rules tick:/);
	});
});
