import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { serverForFile, startSibling, type RunningApp } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { testBackend } from '../support/database.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

// every node scans every second; several nodes need a shared database server (PGlite is one process)
const SCAN = { REMINDER_SCAN_SECONDS: '1' };
const server = serverForFile(SCAN);
let second: RunningApp | undefined;
afterAll(() => second?.stop());

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function tenantWithContract() {
	const owner = await signUpTenant(server.app.url);
	const customer = await openAs(owner.client, `${owner.tenantId}:customer:c1`);
	setEntity(customer.doc, 'customer', { id: 'c1', name: 'Contoso', status: 'active' });
	const contracts = await openAs(owner.client, `${owner.tenantId}:contracts`);
	// renews in 90 days with 60 days' notice: the deadline is 30 days away, so the 30-day reminder is due today
	upsertRecord(contracts.doc, 'customerContracts', 'k1', { customerId: 'c1', name: 'Managed services', party: 'msp', type: 'recurring', renewalDate: inDays(90), noticeDays: 60, autoRenew: true });
	await Promise.all([allAcknowledged(customer.provider), allAcknowledged(contracts.provider)]);
	customer.close();
	contracts.close();
	return owner;
}

describe('contract reminders', () => {
	it.skipIf(testBackend() !== 'postgres')('sends a due reminder exactly once with two nodes scanning', async () => {
		second = await startSibling(server.app, SCAN);
		const owner = await tenantWithContract();
		expect((await owner.client.patch('/api/v1/tenant', { name: owner.input.tenantName, currency: 'USD', timeZone: 'UTC', reminderDays: '30, 7' })).status).toBe(200);
		const notes = await eventually(async () => {
			const res = await owner.client.get('/api/v1/notifications');
			return res.json.notifications.length > 0 ? res.json : null;
		}, 15_000, 'the reminder');
		expect(notes.unread).toBe(1);
		expect(notes.notifications[0]).toMatchObject({ kind: 'reminder', link: '/contracts/k1' });
		expect(notes.notifications[0].title).toContain(`Notice deadline ${inDays(30)}: Managed services (Contoso)`);

		// both nodes keep scanning: still one notification, and one mail
		await new Promise((r) => setTimeout(r, 3000));
		expect((await owner.client.get('/api/v1/notifications')).json.notifications).toHaveLength(1);
		const dir = path.join(server.app.database.env.DATA_DIR, 'mail');
		const mails = await Promise.all((await readdir(dir)).map((f) => readFile(path.join(dir, f), 'utf8')));
		expect(mails.filter((m) => m.includes('Managed services') && m.includes(owner.input.email))).toHaveLength(1);

		expect((await owner.client.post('/api/v1/notifications/read', {})).status).toBe(200);
		expect((await owner.client.get('/api/v1/notifications')).json.unread).toBe(0);
	});

	it('refuses reminder lead times that are not days', async () => {
		const owner = await signUpTenant(server.app.url);
		const res = await owner.client.patch('/api/v1/tenant', { name: owner.input.tenantName, currency: 'USD', timeZone: 'UTC', reminderDays: 'soon' });
		expect(res.status).toBe(400);
	});

	it('serves a personal iCal feed of renewals and deadlines that a real parser reads', async () => {
		const owner = await tenantWithContract();
		await eventually(async () => (await readAllRows(owner.client)).customerContracts?.length === 1, 10_000, 'the contract row');
		const made = await owner.client.post('/api/v1/calendar');
		expect(made.status).toBe(201);
		const feedPath = new URL(made.json.url).pathname;
		const res = await new ApiClient(server.app.url).get(feedPath); // calendar apps carry no cookie
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/calendar');
		const calendar = new ICAL.Component(ICAL.parse(res.text));
		const summaries = calendar.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
		expect(summaries).toEqual(expect.arrayContaining([expect.stringContaining('Managed services'), expect.stringContaining('Notice deadline')]));

		// a new URL shuts the old one out; a made-up one opens nothing
		await owner.client.post('/api/v1/calendar');
		expect((await new ApiClient(server.app.url).get(feedPath)).status).toBe(404);
		expect((await new ApiClient(server.app.url).get('/calendar/nothing-here.ics')).status).toBe(404);
	});
});
