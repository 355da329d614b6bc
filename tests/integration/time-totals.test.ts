import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, removeEntry, type Sheet } from '#lib/domain/timesheet/edits.js';
import { timesheetDocName } from '#lib/domain/timesheet/weeks.js';
import { serverForFile } from '../support/app.js';
import { addMember, ApiClient, signUpTenant } from '../support/client.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

/** Logs entries into a person's week through a real provider, as their browser would. */
async function logWeek(client: ApiClient, tenantId: string, userId: string, week: string, fill: (sheet: Sheet) => void) {
	const sheet: Sheet = { doc: new Y.Doc(), userId, week };
	const open = await openAs(client, timesheetDocName(tenantId, userId, week), { doc: sheet.doc });
	fill(sheet);
	await allAcknowledged(open.provider);
	open.close();
}

describe('GET /api/v1/time/totals', () => {
	it('answers the minutes on a ticket per person and week, of the caller\'s tenant only, without deleted entries', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Theo');
		await logWeek(tech.client, owner.tenantId, tech.userId, '2026-W10', (sheet) => {
			addEntry(sheet, { date: '2026-03-02', minutes: 90, ticketId: 'ticket-a' });
			addEntry(sheet, { date: '2026-03-03', minutes: 30, ticketId: 'ticket-a', taskId: 'task-1' });
			addEntry(sheet, { date: '2026-03-03', minutes: 45, ticketId: 'ticket-b' });
			const removed = addEntry(sheet, { date: '2026-03-04', minutes: 600, ticketId: 'ticket-a' });
			if (removed.ok) removeEntry(sheet, removed.id);
		});
		await logWeek(tech.client, owner.tenantId, tech.userId, '2026-W11', (sheet) => addEntry(sheet, { date: '2026-03-09', minutes: 15, ticketId: 'ticket-a' }));
		await logWeek(owner.client, owner.tenantId, owner.userId, '2026-W10', (sheet) => addEntry(sheet, { date: '2026-03-05', minutes: 60, ticketId: 'ticket-a' }));

		const totals = await eventually(async () => {
			const res = await tech.client.get('/api/v1/time/totals?ticketId=ticket-a');
			return res.json.totals.length === 3 ? res.json.totals : null;
		}, 20_000, 'the projected entries');
		expect(totals).toEqual(
			[
				{ userId: tech.userId, week: '2026-W10', minutes: 120 },
				{ userId: owner.userId, week: '2026-W10', minutes: 60 },
				{ userId: tech.userId, week: '2026-W11', minutes: 15 }
			].sort((a, b) => a.week.localeCompare(b.week) || a.userId.localeCompare(b.userId))
		);
		expect((await tech.client.get('/api/v1/time/totals?taskId=task-1')).json.totals).toEqual([{ userId: tech.userId, week: '2026-W10', minutes: 30 }]);

		// another tenant asking for the same ticket id sees nothing of this one
		const stranger = await signUpTenant(server.app.url);
		expect((await stranger.client.get('/api/v1/time/totals?ticketId=ticket-a')).json).toEqual({ totals: [] });
	});

	it('refuses a question that names no target or two, and anyone not signed in as staff', async () => {
		const owner = await signUpTenant(server.app.url);
		for (const query of ['', '?ticketId=', '?ticketId=a&taskId=b']) {
			const res = await owner.client.get(`/api/v1/time/totals${query}`);
			expect(res.status).toBe(400);
			expect(res.json.error.message).toBe('Ask for the totals of one ticket (ticketId=…) or one task (taskId=…).');
		}
		expect((await new ApiClient(server.app.url).get('/api/v1/time/totals?ticketId=a')).status).toBe(401);
	});
});
