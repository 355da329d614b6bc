import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask, createProject } from '#lib/domain/project/edits.js';
import { createTicket, scheduleVisit } from '#lib/domain/ticket/edits.js';
import { addEntry } from '#lib/domain/timesheet/edits.js';
import { timesheetDocName, weekDays, weekOfDate } from '#lib/domain/timesheet/weeks.js';
import { todayIn } from '#lib/domain/today.js';
import { serverForFile } from '../support/app.js';
import { addMember, signUpTenant, type ApiClient } from '../support/client.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

// Monday 1 March 2027 to Sunday 7 March: a working week and its weekend
const MONDAY = '2027-03-01';
const FRIDAY = '2027-03-05';
const SATURDAY = '2027-03-06';
const SUNDAY = '2027-03-07';

async function team() {
	const owner = await signUpTenant(server.app.url);
	const tech = await addMember(owner, server.app.url, 'technician', 'Theo Tran');
	const dispatcher = await addMember(owner, server.app.url, 'dispatcher', 'Dana Price');
	return { owner, tech, dispatcher };
}

describe('time off', () => {
	it('a tech asks, an approver is told, approves it once; the tech sees it approved and is told; the audit log has both', async () => {
		const { owner, tech, dispatcher } = await team();
		const asked = await tech.client.post('/api/v1/time-off', { kind: 'vacation', start: MONDAY, end: FRIDAY, note: 'Skiing' });
		expect(asked.status).toBe(201);
		expect(asked.json.request).toMatchObject({ userId: tech.userId, userName: 'Theo Tran', kind: 'vacation', start: MONDAY, end: FRIDAY, minutesPerDay: null, note: 'Skiing', status: 'requested', decidedAt: null });
		const id = asked.json.request.id;

		const pending = await dispatcher.client.get('/api/v1/time-off?status=requested');
		expect(pending.json.requests.map((r: { id: string }) => r.id)).toEqual([id]);
		const told = await dispatcher.client.get('/api/v1/notifications');
		expect(told.json.notifications[0]).toMatchObject({ kind: 'time-off', link: '/timesheets/time-off' });
		expect(told.json.notifications[0].title).toContain('Theo Tran asks for time off');

		// the tech cannot decide, even on their own request
		expect((await tech.client.post(`/api/v1/time-off/${id}/approve`, {})).status).toBe(403);

		const approved = await dispatcher.client.post(`/api/v1/time-off/${id}/approve`, { comment: 'Have fun' });
		expect(approved.status).toBe(200);
		expect(approved.json.request).toMatchObject({ status: 'approved', decidedByName: 'Dana Price', comment: 'Have fun' });
		const again = await owner.client.post(`/api/v1/time-off/${id}/approve`, {});
		expect(again.status).toBe(409);
		expect(again.json.error).toMatchObject({ code: 'already_decided', message: 'This request is approved already.' });

		const mine = await tech.client.get('/api/v1/time-off');
		expect(mine.json.requests).toEqual([expect.objectContaining({ id, status: 'approved' })]);
		expect((await tech.client.get('/api/v1/notifications')).json.notifications[0].title).toContain('Dana Price approved your time off');
		const audit = await owner.client.get('/settings/audit');
		expect(audit.text).toContain('Requested time off');
		expect(audit.text).toContain('Approved time off');
	});

	it('a rejection needs a comment, which the person then reads; a cancelled request frees its days', async () => {
		const { owner, tech } = await team();
		const { json } = await tech.client.post('/api/v1/time-off', { kind: 'personal', start: MONDAY, end: MONDAY, minutesPerDay: 240 });
		const noComment = await owner.client.post(`/api/v1/time-off/${json.request.id}/reject`, { comment: '  ' });
		expect(noComment.status).toBe(400);
		expect(noComment.json.error.fields).toEqual({ comment: 'Say why it is rejected: the person reads your comment.' });
		const rejected = await owner.client.post(`/api/v1/time-off/${json.request.id}/reject`, { comment: 'Quarter-end: can it wait a week?' });
		expect(rejected.json.request).toMatchObject({ status: 'rejected', comment: 'Quarter-end: can it wait a week?', minutesPerDay: 240 });
		expect((await tech.client.get('/api/v1/time-off')).json.requests[0]).toMatchObject({ status: 'rejected', comment: 'Quarter-end: can it wait a week?' });
		expect((await tech.client.post(`/api/v1/time-off/${json.request.id}/cancel`)).status).toBe(409);

		const next = await tech.client.post('/api/v1/time-off', { kind: 'vacation', start: MONDAY, end: FRIDAY });
		await owner.client.post(`/api/v1/time-off/${next.json.request.id}/approve`, {});
		expect((await tech.client.post('/api/v1/time-off', { kind: 'sick', start: FRIDAY, end: FRIDAY })).status).toBe(409);
		const cancelled = await tech.client.post(`/api/v1/time-off/${next.json.request.id}/cancel`);
		expect(cancelled.json.request.status).toBe('cancelled');
		expect((await tech.client.post('/api/v1/time-off', { kind: 'sick', start: FRIDAY, end: FRIDAY })).status).toBe(201);
	});

	it('refuses bad input with a message on the field: dates, days off, kinds, people, overlaps, a body that is not JSON', async () => {
		const { owner, tech } = await team();
		const ask = (client: typeof tech.client, body: unknown) => client.post('/api/v1/time-off', body);
		const refused = async (client: typeof tech.client, body: unknown) => {
			const res = await ask(client, body);
			return { status: res.status, fields: res.json.error.fields, message: res.json.error.message, code: res.json.error.code };
		};
		expect(await refused(tech.client, { kind: 'vacation', start: FRIDAY, end: MONDAY })).toMatchObject({ status: 400, fields: { end: 'The last day is before the first.' } });
		expect(await refused(tech.client, { kind: 'vacation', start: '2027-02-30', end: MONDAY })).toMatchObject({ status: 400, fields: { start: 'Give the first day as a date like 2026-12-24.' } });
		expect(await refused(tech.client, { kind: 'vacation', start: SATURDAY, end: SUNDAY })).toMatchObject({ status: 400, fields: { start: 'These are all days off already: pick at least one working day.' } });
		expect(await refused(tech.client, { kind: 'holiday', start: MONDAY, end: MONDAY })).toMatchObject({ status: 400, fields: { kind: 'Pick vacation, sick, personal or other.' } });
		expect(await refused(tech.client, { kind: 'sick', start: MONDAY, end: MONDAY, minutesPerDay: 0 })).toMatchObject({ status: 400, fields: { minutesPerDay: 'Part of a day is at least 15 minutes.' } });
		expect(await refused(owner.client, { kind: 'sick', start: MONDAY, end: MONDAY, userId: crypto.randomUUID() })).toMatchObject({ status: 400, fields: { userId: 'No such person in this company.' } });
		expect(await refused(tech.client, { kind: 'sick', start: MONDAY, end: MONDAY, userId: owner.userId })).toMatchObject({ status: 403, message: 'Only an approver can ask for time off for someone else.' });
		const notJson = await tech.client.post('/api/v1/time-off', '{"kind": "vac');
		expect(notJson.status).toBe(400);
		expect(notJson.json.error.code).toBe('invalid_json');

		// an approver asks on the tech's behalf (a sick day phoned in); once approved, an overlapping one is refused
		const phoned = await ask(owner.client, { kind: 'sick', start: MONDAY, end: MONDAY, userId: tech.userId });
		expect(phoned.json.request).toMatchObject({ userId: tech.userId, createdByName: owner.input.name });
		const overlapping = await ask(tech.client, { kind: 'vacation', start: MONDAY, end: FRIDAY });
		await owner.client.post(`/api/v1/time-off/${phoned.json.request.id}/approve`, {});
		expect(await refused(tech.client, { kind: 'vacation', start: '2027-02-26', end: MONDAY })).toMatchObject({ status: 409, code: 'overlaps_approved' });
		// two requests waiting for the same days: approving the second is refused once the first is approved
		const second = await owner.client.post(`/api/v1/time-off/${overlapping.json.request.id}/approve`, {});
		expect(second.status).toBe(409);
		expect(second.json.error.message).toBe(`It overlaps approved time off (Sick, ${MONDAY}): change or cancel that one first.`);
	});

	it('keeps another company\'s requests out of reach: their ids are not found, whatever the verb', async () => {
		const { tech } = await team();
		const other = await signUpTenant(server.app.url, 'rival');
		const { json } = await tech.client.post('/api/v1/time-off', { kind: 'vacation', start: MONDAY, end: FRIDAY, note: 'private' });
		const id = json.request.id;
		for (const res of [
			await other.client.get(`/api/v1/time-off/${id}`),
			await other.client.post(`/api/v1/time-off/${id}/approve`, {}),
			await other.client.post(`/api/v1/time-off/${id}/reject`, { comment: 'no' }),
			await other.client.post(`/api/v1/time-off/${id}/cancel`)
		]) {
			expect(res.status).toBe(404);
			expect(res.json.error.message).toBe('No such time-off request.');
		}
		expect((await other.client.get('/api/v1/time-off?status=requested')).json.requests).toEqual([]);
		expect((await other.client.post('/api/v1/time-off/not-a-uuid/approve', {})).status).toBe(404);
		expect((await other.client.post(`/api/v1/time-off/${id}/shred`, {})).status).toBe(404);
		expect((await other.client.post('/api/v1/time-off', { kind: 'sick', start: MONDAY, end: MONDAY, userId: tech.userId })).json.error.fields).toEqual({ userId: 'No such person in this company.' });
		expect((await tech.client.get(`/api/v1/time-off/${id}`)).json.request.status).toBe('requested');
	});

	it('stores markup and SQL in a note as text and shows it escaped on the page', async () => {
		const { owner, tech } = await team();
		const note = `<script>alert("x")</script><img src=x onerror=alert(1)>'; DROP TABLE time_off_requests; --`;
		const asked = await tech.client.post('/api/v1/time-off', { kind: 'other', start: MONDAY, end: MONDAY, note });
		expect(asked.json.request.note).toBe(note);
		const page = await owner.client.get('/timesheets/time-off');
		expect(page.status).toBe(200);
		expect(page.text).toContain('&lt;script>alert("x")&lt;/script>&lt;img src=x onerror=alert(1)>');
		expect(page.text).not.toContain('<script>alert');
		expect(page.text).not.toContain('<img src=x');
		// the table is still there, with the note as typed
		expect((await tech.client.get('/api/v1/time-off')).json.requests[0].note).toBe(note);
	});

	it('capacity: approvers set a person\'s week, a day with no hours cannot be taken off, and the reports read it', async () => {
		const { owner, tech } = await team();
		const week = [480, 480, 480, 480, 0, 0, 0];
		expect((await tech.client.request('PUT', `/api/v1/capacity/${tech.userId}`, { minutes: week })).status).toBe(403);
		const bad = await owner.client.request('PUT', `/api/v1/capacity/${tech.userId}`, { minutes: [480, 480, -5, 480, 0, 0, 0] });
		expect(bad.status).toBe(400);
		expect(bad.json.error.fields).toEqual({ 'minutes.2': 'Minutes cannot be negative.' });
		expect((await owner.client.request('PUT', `/api/v1/capacity/${crypto.randomUUID()}`, { minutes: week })).status).toBe(404);
		expect((await owner.client.request('PUT', `/api/v1/capacity/${tech.userId}`, { minutes: week })).status).toBe(200);
		const people = (await tech.client.get('/api/v1/capacity')).json.people;
		expect(people.find((p: { userId: string }) => p.userId === tech.userId)).toMatchObject({ minutes: week, isDefault: false });
		expect(people.find((p: { userId: string }) => p.userId === owner.userId)).toMatchObject({ minutes: [480, 480, 480, 480, 480, 0, 0], isDefault: true });
		// Friday is no longer a working day for the tech
		expect((await tech.client.post('/api/v1/time-off', { kind: 'vacation', start: FRIDAY, end: FRIDAY })).json.error.fields.start).toBeDefined();

		expect((await owner.client.get('/reports/workload')).status).toBe(200);
		const utilization = await owner.client.get('/reports/utilization?month=2027-03');
		expect(utilization.status).toBe(200);
		expect(utilization.text).toContain('Theo Tran');
		expect((await owner.client.get('/reports/utilization?month=2027-13')).text).toContain('Give the month as YYYY-MM');
		expect((await tech.client.get('/reports/workload')).status).toBe(403);
	});
});

/** The numbers of one person's cell in one week of the workload page, as shown. */
async function workloadCell(client: ApiClient, person: string, week: string) {
	const page = await client.get('/reports/workload');
	const row = new RegExp(`<tr data-person="${person}">([\\s\\S]*?)</tr>`).exec(page.text)?.[1] ?? '';
	const cell = new RegExp(`data-week="${week}"[^>]*>([\\s\\S]*?)</td>`).exec(row)?.[1] ?? '';
	const number = (testid: string) => Number(new RegExp(`data-testid="${testid}">([\\d.,]+)<`).exec(cell)?.[1]);
	return { scheduled: number('scheduled'), available: number('available'), over: /over by/.test(cell), logged: /logged ([\d.]+) h/.exec(cell)?.[1] };
}

describe('the workload and utilization reports', () => {
	it('add up a task\'s estimate, ticket visits and logged time from Postgres against the week less approved time off', async () => {
		const { owner, tech } = await team();
		const week = weekOfDate(todayIn('UTC'));
		const [monday, tuesday, wednesday, thursday, friday] = weekDays(week);

		const project = await openAs(owner.client, `${owner.tenantId}:project:p-1`);
		createProject(project.doc, 'p-1', { name: 'Firewall swap' });
		addTask(project.doc, { title: 'Swap', assignees: [tech.userId], estimateMinutes: 600, start: monday, due: friday });
		addTask(project.doc, { title: 'Shared', assignees: [owner.userId, tech.userId], estimateMinutes: 121, start: monday, due: monday });
		await allAcknowledged(project.provider);
		project.close();
		const ticket = await openAs(owner.client, `${owner.tenantId}:ticket:t-1`);
		createTicket(ticket.doc, 't-1', { title: 'Printer on fire' }, { by: 'Dana' });
		scheduleVisit(ticket.doc, { userId: tech.userId, day: wednesday, minutes: 90 });
		scheduleVisit(ticket.doc, { userId: tech.userId, day: wednesday });
		await allAcknowledged(ticket.provider);
		ticket.close();
		const sheet = { doc: new Y.Doc(), userId: tech.userId, week };
		addEntry(sheet, { date: tuesday, minutes: 240, billable: true });
		addEntry(sheet, { date: tuesday, minutes: 60, billable: false });
		const timesheet = await openAs(tech.client, timesheetDocName(owner.tenantId, tech.userId, week), { doc: sheet.doc });
		await allAcknowledged(timesheet.provider);
		timesheet.close();
		const off = await tech.client.post('/api/v1/time-off', { kind: 'vacation', start: thursday, end: thursday });
		await owner.client.post(`/api/v1/time-off/${off.json.request.id}/approve`, {});

		// 600 + 60 (the second half of 121 minutes) + 90 + an hour for the visit with no length: 13.5 h against 40 − 8
		const cell = await eventually(async () => {
			const shown = await workloadCell(owner.client, 'Theo Tran', week);
			return shown.scheduled === 13.5 && shown.logged === '5' ? shown : null;
		}, 20_000, 'the projected rows in the workload');
		expect(cell).toMatchObject({ available: 32, over: false });
		expect(await workloadCell(owner.client, owner.input.name, week)).toMatchObject({ scheduled: 1, available: 40 });

		const report = await owner.client.get(`/reports/utilization?from=${monday}&to=${weekDays(week)[6]}`);
		const row = /<tr><th scope="row"[^>]*>Theo Tran<\/th>([\s\S]*?)<\/tr>/.exec(report.text)?.[1] ?? '';
		// 32 h available (8 h off), 5 h logged of which 4 h billable: 12.5%
		expect(row.match(/<td class="num[^"]*">([^<]*)<\/td>/g)?.map((td) => td.replace(/<[^>]+>/g, ''))).toEqual(['32', '8', '5', '4', '12.5%']);
	});
});
