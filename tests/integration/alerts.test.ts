import { afterAll, describe, expect, it } from 'vitest';
import { changeWorkflow } from '#lib/domain/ticket/edits.js';
import { serverForFile, startSibling, type RunningApp } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { testBackend } from '../support/database.js';
import { integrationKey, postAlert, seedCustomers, ticketRow, ticketRows, ticketThread } from '../support/intake.js';
import { eventually, openAs } from '../support/sync.js';

const multiNode = testBackend() === 'postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const server = serverForFile(multiNode ? { REDIS_URL } : {});
let second: RunningApp | undefined;
afterAll(() => second?.stop());

const alert = (fields: Record<string, unknown> = {}) => ({ source: 'uptime-kuma', alertKey: 'web01/http', severity: 'critical', title: 'Web server down', message: 'HTTP 503 for 3 checks', ...fields });

async function tenantWithKey() {
	const owner = await signUpTenant(server.app.url);
	return { owner, key: await integrationKey(owner.client) };
}

/** How many repeats the notes tell of ("once more", "N more times"). */
const toldRepeats = (notes: { body: string }[]) =>
	notes.reduce((sum, n) => sum + (/came in once more/.test(n.body) ? 1 : Number(/came in (\d+) more times/.exec(n.body)?.[1] ?? 0)), 0);

describe('alerts into tickets', () => {
	it('refuse a missing, wrong or replaced key with 401 and create nothing', async () => {
		const { owner, key } = await tenantWithKey();
		const answers = await Promise.all([
			postAlert(server.app.url, null, alert()),
			postAlert(server.app.url, 'sdk_' + 'a'.repeat(32), alert()),
			postAlert(server.app.url, 'not-a-key', alert())
		]);
		const newKey = await integrationKey(owner.client);
		answers.push(await postAlert(server.app.url, key, alert()));
		for (const res of answers) {
			expect(res.status).toBe(401);
			expect(res.json.error.code).toBe('invalid_key');
			expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
		}
		expect((await postAlert(server.app.url, newKey, alert({ alertKey: 'after-rotation' }))).status).toBe(201);
		const rows = await eventually(async () => ((await ticketRows(owner)).length > 0 ? ticketRows(owner) : null), 20_000, 'the one ticket');
		expect(rows.map((t) => t.alertKey)).toEqual(['uptime-kuma:after-rotation']);
		// the key is never shown again, only its first characters
		const settings = (await owner.client.get('/api/v1/integrations')).json.integration;
		expect(settings.keyHint).toBe(newKey.slice(0, 8));
		expect(JSON.stringify(settings)).not.toContain(newKey);
	});

	it('let only owners and admins manage the key, and keep each tenant\'s alerts its own', async () => {
		const { owner, key } = await tenantWithKey();
		const invited = await owner.client.post('/api/v1/invitations', { email: `dispatch-${crypto.randomUUID()}@example.test`, role: 'dispatcher' });
		const dispatcher = new ApiClient(server.app.url);
		await dispatcher.post('/api/v1/invitations/accept', { token: invited.json.invitation.acceptUrl.split('/invite/')[1], name: 'Dana', password: 'a long password' });
		expect((await dispatcher.post('/api/v1/integrations/key')).status).toBe(403);
		expect((await dispatcher.get('/api/v1/integrations')).status).toBe(403);
		expect((await owner.client.get('/api/v1/integrations')).json.integration.endpoints.alerts).toBe(`${server.app.url}/api/v1/alerts`);
		// another tenant's key makes its own ticket, even for the same source and key
		const other = await tenantWithKey();
		const [mine, theirs] = [await postAlert(server.app.url, key, alert()), await postAlert(server.app.url, other.key, alert())];
		expect([mine.status, theirs.status]).toEqual([201, 201]);
		expect((await ticketRow(other.owner, theirs.json.ticketId)).id).not.toBe(mine.json.ticketId);
		expect((await ticketRows(other.owner)).map((t) => t.id)).toEqual([theirs.json.ticketId]);
	});

	it('answer a malformed body with 400 naming the field', async () => {
		const { owner, key } = await tenantWithKey();
		const cases: [unknown, string][] = [
			[alert({ source: undefined }), 'source'],
			[alert({ severity: 'apocalyptic' }), 'severity'],
			[alert({ state: 'closed' }), 'state'],
			[alert({ title: '' }), 'title']
		];
		for (const [body, field] of cases) {
			const res = await postAlert(server.app.url, key, body);
			expect(res.status).toBe(400);
			expect(res.json.error.code).toBe('invalid_input');
			expect(Object.keys(res.json.error.fields)).toEqual([field]);
			expect(res.json.error.message).toContain(field);
		}
		const broken = await postAlert(server.app.url, key, '{"source":');
		expect([broken.status, broken.json.error.code]).toEqual([400, 'invalid_json']);
		expect(await ticketRows(owner)).toEqual([]);
	});

	it('make 200 duplicates sent at once into one ticket, with every one counted', async () => {
		const { owner, key } = await tenantWithKey();
		const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => postAlert(server.app.url, key, alert({ message: `check ${i} failed` }))));
		expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
		expect(answers.filter((a) => a.status === 200)).toHaveLength(199);
		const ticketId = answers[0].json.ticketId;
		expect(new Set(answers.map((a) => a.json.ticketId))).toEqual(new Set([ticketId]));
		// each alert got its own count: none was lost or counted twice
		expect(answers.map((a) => a.json.occurrences).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

		const row = await ticketRow(owner, ticketId);
		expect(row).toMatchObject({ source: 'alert', priority: 'critical', status: 'new', alertKey: 'uptime-kuma:web01/http', queue: 'triage', createdBy: 'alert: uptime-kuma' });
		expect((await ticketRows(owner)).filter((t) => t.alertKey)).toHaveLength(1);
		const [link] = (await owner.client.get('/api/v1/integrations/alerts')).json.alerts;
		expect(link).toMatchObject({ ticketId, occurrences: 200, source: 'uptime-kuma', alertKey: 'web01/http' });
		// the repeats reach the ticket as a few coalesced notes, not 199
		const notes = await eventually(async () => {
			const found = (await ticketThread(owner, ticketId)).notes;
			return toldRepeats(found) === 199 ? found : null;
		}, 20_000, 'notes telling all 199 repeats');
		expect(notes.length).toBeLessThanOrEqual(5);
		expect(notes.every((n) => n.origin === 'alert' && n.visibility === 'internal' && n.by === 'alert: uptime-kuma')).toBe(true);
		// the ticket has its number by now, and a repeat answers with it
		const numbered = await ticketRow(owner, ticketId, (t) => t.number !== null, 'the number');
		const again = await postAlert(server.app.url, key, alert());
		expect(again.json).toMatchObject({ action: 'repeated', ticketId, number: numbered.number, occurrences: 201 });
	});

	it('place an alert with its customer by name or device, and an unknown one in triage', async () => {
		const { owner, key } = await tenantWithKey();
		const ids = await seedCustomers(owner, [{ name: 'Acme Corp', devices: [{ name: 'ACME-DC01' }] }, { name: 'Globex' }]);
		const byName = await postAlert(server.app.url, key, alert({ alertKey: 'a', customer: 'acme corp', severity: 'warning' }));
		const byDevice = await postAlert(server.app.url, key, alert({ alertKey: 'b', device: 'acme-dc01', severity: 'major' }));
		const unknown = await postAlert(server.app.url, key, alert({ alertKey: 'c', customer: 'Nobody Ltd', severity: 'info' }));
		expect([byName.status, byDevice.status, unknown.status]).toEqual([201, 201, 201]);
		expect(await ticketRow(owner, byName.json.ticketId)).toMatchObject({ customerId: ids.get('Acme Corp')!.id, priority: 'normal', queue: null });
		expect(await ticketRow(owner, byDevice.json.ticketId)).toMatchObject({ customerId: ids.get('Acme Corp')!.id, priority: 'high' });
		const triaged = await ticketRow(owner, unknown.json.ticketId);
		expect(triaged).toMatchObject({ customerId: null, queue: 'triage', priority: 'low' });
		expect(triaged.description).toContain('Customer: Nobody Ltd');
	});

	it('resolve the ticket when the alert resolves, and open a new one when it comes back', async () => {
		const { owner, key } = await tenantWithKey();
		const opened = await postAlert(server.app.url, key, alert());
		await postAlert(server.app.url, key, alert());
		const resolved = await postAlert(server.app.url, key, { source: 'uptime-kuma', alertKey: 'web01/http', state: 'resolved', message: 'HTTP 200 again' });
		expect(resolved.status).toBe(200);
		expect(resolved.json).toMatchObject({ action: 'resolved', ticketId: opened.json.ticketId, occurrences: 2 });
		const row = await ticketRow(owner, opened.json.ticketId, (t) => t.status === 'resolved', 'the resolved status');
		expect(row.lastActivityAt).toBe(row.createdAt);
		const notes = (await ticketThread(owner, opened.json.ticketId)).notes;
		expect(notes.map((n) => n.body.split('\n')[0])).toEqual([
			expect.stringContaining('came in once more (2 in all)'),
			'The source reports the alert resolved; the ticket is resolved.'
		]);
		// resolving again, or an alert nobody opened, changes nothing
		expect((await postAlert(server.app.url, key, { source: 'uptime-kuma', alertKey: 'web01/http', state: 'resolved' })).json.action).toBe('ignored');
		expect((await postAlert(server.app.url, key, { source: 'uptime-kuma', alertKey: 'never-seen', state: 'resolved' })).json).toMatchObject({ action: 'ignored', ticketId: null });
		const back = await postAlert(server.app.url, key, alert());
		expect(back.status).toBe(201);
		expect(back.json.ticketId).not.toBe(opened.json.ticketId);
	});

	it('leave the ticket open when the tenant turned "a resolved alert resolves its ticket" off', async () => {
		const { owner, key } = await tenantWithKey();
		expect((await owner.client.patch('/api/v1/integrations', { alertResolves: false })).json.integration.alertResolves).toBe(false);
		const opened = await postAlert(server.app.url, key, alert());
		expect((await postAlert(server.app.url, key, { source: 'uptime-kuma', alertKey: 'web01/http', state: 'resolved' })).json.action).toBe('resolved');
		const notes = await eventually(async () => {
			const found = (await ticketThread(owner, opened.json.ticketId)).notes;
			return found.length === 1 ? found : null;
		}, 10_000, 'the note');
		expect(notes[0].body).toContain('leave their ticket open');
		expect((await ticketRow(owner, opened.json.ticketId)).status).toBe('new');
		// still open: a repeat lands on the same ticket
		expect((await postAlert(server.app.url, key, alert())).json).toMatchObject({ action: 'repeated', ticketId: opened.json.ticketId });
	});

	it('open a new ticket when people closed the alert\'s ticket', async () => {
		const { owner, key } = await tenantWithKey();
		const opened = await postAlert(server.app.url, key, alert());
		await ticketRow(owner, opened.json.ticketId);
		const name = `${owner.tenantId}:ticket:${opened.json.ticketId}`;
		const open = await openAs(owner.client, name);
		changeWorkflow(open.doc, { status: 'closed' }, { by: 'Dana' });
		await ticketRow(owner, opened.json.ticketId, (t) => t.status === 'closed', 'the closed status');
		open.close();
		// the status check is cached for a few seconds
		const again = await eventually(async () => {
			const res = await postAlert(server.app.url, key, alert());
			return res.status === 201 ? res : null;
		}, 15_000, 'a new ticket');
		expect(again.json.ticketId).not.toBe(opened.json.ticketId);
	});

	it.skipIf(!multiNode)('make one ticket of duplicates sent to two nodes at once', async () => {
		second = await startSibling(server.app, { REDIS_URL });
		const { owner, key } = await tenantWithKey();
		const nodes = [server.app.url, second.url];
		const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => postAlert(nodes[i % 2], key, alert({ alertKey: 'two-nodes' }))));
		expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
		expect(new Set(answers.map((a) => a.json.ticketId)).size).toBe(1);
		expect(answers.map((a) => a.json.occurrences).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
		const ticketId = answers[0].json.ticketId;
		await ticketRow(owner, ticketId);
		await eventually(async () => toldRepeats((await ticketThread(owner, ticketId)).notes) === 199, 20_000, 'all repeats told once');
		expect((await ticketRows(owner)).filter((t) => t.alertKey)).toHaveLength(1);
	});
});
