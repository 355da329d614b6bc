import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readApproval } from '#lib/domain/timesheet/approval.js';
import { addEntry, submitTimesheet, updateEntry, type Sheet } from '#lib/domain/timesheet/edits.js';
import { timesheetDocName, weekDays } from '#lib/domain/timesheet/weeks.js';
import type { Db } from '#lib/server/db/index.js';
import { approvedEntries } from '#lib/server/repositories/week-approval-lists.js';
import { serverForFile, type RunningApp } from '../support/app.js';
import { addMember, signUpTenant, type ApiClient } from '../support/client.js';
import { testBackend } from '../support/database.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

/** The stopped server's database as a `Db` for read-only repository functions (PGlite allows one process). */
async function withStoppedDb<T>(app: RunningApp, read: (db: Db) => Promise<T>): Promise<T> {
	if (testBackend() === 'pglite') {
		const pglite = await PGlite.create(path.join(app.database.env.DATA_DIR, 'pg'));
		try {
			return await read({ query: async (sql: string, params?: unknown[]) => (await pglite.query(sql, params)).rows } as unknown as Db);
		} finally {
			await pglite.close();
		}
	}
	const client = new pg.Client({ connectionString: app.database.env.DATABASE_URL });
	await client.connect();
	try {
		return await read({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as Db);
	} finally {
		await client.end();
	}
}

/** A week of three one-hour entries, submitted. */
function submittedWeek(userId: string, week: string): Sheet & { ids: string[] } {
	const sheet: Sheet = { doc: new Y.Doc(), userId, week };
	const ids = weekDays(week)
		.slice(0, 3)
		.map((date) => {
			const result = addEntry(sheet, { date, startMinute: 540, endMinute: 600, billable: true, notes: 'patching' });
			if (!result.ok) throw new Error(result.errors.join('; '));
			return result.id;
		});
	if (!submitTimesheet(sheet).ok) throw new Error('cannot submit');
	return { ...sheet, ids };
}

const waiting = async (client: ApiClient) => (await client.get('/api/v1/timesheets/approvals?view=waiting')).json.weeks as { userId: string; week: string; changedAfterApproval: boolean; minutes: number }[];

describe('week approvals', () => {
	it('a submitted week is approved and locked; a late offline edit is kept, flagged, held out of billing, and shown until approved again', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Theo');
		const [late, steady] = ['2026-W48', '2026-W49'].map((week) => submittedWeek(tech.userId, week));
		// a second device of the tech's holds week 48 as submitted, and goes offline before the approval
		const laptop = new Y.Doc();
		Y.applyUpdate(laptop, Y.encodeStateAsUpdate(late.doc));
		const opened = [];
		for (const sheet of [late, steady]) {
			const open = await openAs(tech.client, timesheetDocName(owner.tenantId, tech.userId, sheet.week), { doc: sheet.doc });
			await allAcknowledged(open.provider);
			opened.push(open);
		}
		const weeks = await eventually(async () => ((await waiting(owner.client)).length === 2 ? waiting(owner.client) : null), 20_000, 'two weeks waiting');
		expect(weeks.map((w) => [w.week, w.minutes])).toEqual([['2026-W49', 180], ['2026-W48', 180]]);

		// a technician cannot approve, and a rejection needs its reason
		expect((await tech.client.post('/api/v1/timesheets/approvals', { weeks, decision: 'approve' })).status).toBe(403);
		const noReason = await owner.client.post('/api/v1/timesheets/approvals', { weeks, decision: 'reject' });
		expect(noReason.status).toBe(400);
		expect(noReason.text).toContain('Say why the week is rejected');

		const approved = await owner.client.post('/api/v1/timesheets/approvals', { weeks: weeks.map(({ userId, week }) => ({ userId, week })), decision: 'approve' });
		expect(approved.json).toEqual({ decided: 2 });
		// the stamp reaches the tech's open copies: the weeks are locked on the device
		await eventually(() => readApproval(late.doc)?.status === 'approved' && readApproval(steady.doc)?.status === 'approved', 10_000, 'stamps');
		const again = await owner.client.post('/api/v1/timesheets/approvals', { weeks: [{ userId: tech.userId, week: '2026-W48' }], decision: 'approve' });
		expect(again.status).toBe(409);
		expect(again.text).toContain('is approved already');

		// the laptop comes back online with an edit made before it heard of the approval
		expect(updateEntry({ doc: laptop, userId: tech.userId, week: '2026-W48' }, late.ids[0], { endMinute: 630, notes: 'patching, ran over' }).ok).toBe(true);
		const laptopOpen = await openAs(tech.client, timesheetDocName(owner.tenantId, tech.userId, '2026-W48'), { doc: laptop });
		await allAcknowledged(laptopOpen.provider);
		const flagged = await eventually(async () => (await waiting(owner.client)).find((w) => w.changedAfterApproval), 20_000, 'flag');
		expect(flagged).toMatchObject({ week: '2026-W48', minutes: 210 });
		await eventually(() => readApproval(late.doc)?.changedAfterApproval, 10_000, 'flag stamped');
		const review = await owner.client.get(`/api/v1/timesheets/approvals/${tech.userId}/2026-W48`);
		expect(review.json.changes).toEqual([
			expect.objectContaining({ collection: 'entries', id: late.ids[0], change: 'changed', fields: ['endMinute', 'minutes', 'notes'] })
		]);
		for (const open of [...opened, laptopOpen]) open.close();

		// billing sees only the unchanged approved week; the late edit is kept in the rows
		await server.app.halt();
		const billable = await withStoppedDb(server.app, (db) => approvedEntries(db, owner.tenantId, '2026-11-01', '2026-12-31'));
		expect(billable.map((e) => e.week)).toEqual(['2026-W49', '2026-W49', '2026-W49']);
		server.app = await server.app.relaunch();

		// approved again: held no longer
		expect((await owner.client.post('/api/v1/timesheets/approvals', { weeks: [{ userId: tech.userId, week: '2026-W48' }], decision: 'approve' })).status).toBe(200);
		expect(await waiting(owner.client)).toEqual([]);
		const approvedNow = (await owner.client.get('/api/v1/timesheets/approvals?view=approved')).json.weeks;
		expect(approvedNow.map((w: { week: string; minutes: number }) => [w.week, w.minutes])).toEqual([['2026-W49', 180], ['2026-W48', 210]]);
	});

	it('a rejected week comes back with the comment, and a resubmission waits again; auto-approval approves on submit', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Tia');
		const sheet = submittedWeek(tech.userId, '2026-W50');
		const open = await openAs(tech.client, timesheetDocName(owner.tenantId, tech.userId, sheet.week), { doc: sheet.doc });
		await eventually(async () => (await waiting(owner.client)).length === 1, 20_000, 'waiting');
		// an unknown week, and a week of another tenant's person, have not been submitted here
		const other = await signUpTenant(server.app.url);
		const foreign = await other.client.post('/api/v1/timesheets/approvals', { weeks: [{ userId: tech.userId, week: '2026-W50' }], decision: 'approve' });
		expect(foreign.status).toBe(409);
		expect(foreign.text).toContain('has not been submitted');
		expect((await owner.client.post('/api/v1/timesheets/approvals', { weeks: [{ userId: tech.userId, week: '2026-W5x' }], decision: 'approve' })).status).toBe(400);

		const comment = 'Tuesday <b>misses</b> the ticket; DROP TABLE week_approvals;';
		expect((await owner.client.post('/api/v1/timesheets/approvals', { weeks: [{ userId: tech.userId, week: '2026-W50' }], decision: 'reject', comment })).status).toBe(200);
		await eventually(() => readApproval(sheet.doc)?.status === 'rejected', 10_000, 'rejection stamped');
		expect(readApproval(sheet.doc)?.comment).toBe(comment);
		expect((await owner.client.get('/api/v1/timesheets/approvals?view=rejected')).json.weeks).toHaveLength(1);

		submitTimesheet(sheet, new Date(Date.now() + 1000));
		await eventually(() => readApproval(sheet.doc)?.status === 'submitted', 20_000, 'resubmission');
		open.close();

		expect((await owner.client.patch('/api/v1/tenant', { name: owner.input.tenantName, currency: 'USD', timeZone: 'UTC', autoApproveTimesheets: true })).status).toBe(200);
		const next = submittedWeek(tech.userId, '2026-W51');
		const nextOpen = await openAs(tech.client, timesheetDocName(owner.tenantId, tech.userId, next.week), { doc: next.doc });
		await eventually(() => readApproval(next.doc)?.status === 'approved', 20_000, 'auto-approval');
		expect(readApproval(next.doc)?.decidedBy).toBeNull();
		nextOpen.close();
	});
});
