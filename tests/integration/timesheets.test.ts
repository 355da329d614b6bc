import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { addEntry, addExpense, type Sheet } from '#lib/domain/timesheet/edits.js';
import { timesheetDocName, weekDays } from '#lib/domain/timesheet/weeks.js';
import { serverForFile, type RunningApp } from '../support/app.js';
import { addMember, signUpTenant } from '../support/client.js';
import { testBackend } from '../support/database.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, openAs } from '../support/sync.js';

const server = serverForFile();

/** Queries the stopped server's database (PGlite allows one process; the server projects what it holds before it stops). */
async function queryStopped<T>(app: RunningApp, sql: string, params: unknown[]): Promise<T[]> {
	if (testBackend() === 'pglite') {
		const db = await PGlite.create(path.join(app.database.env.DATA_DIR, 'pg'));
		try {
			return (await db.query<T>(sql, params)).rows;
		} finally {
			await db.close();
		}
	}
	const db = new pg.Client({ connectionString: app.database.env.DATABASE_URL });
	await db.connect();
	try {
		return (await db.query(sql, params)).rows as T[];
	} finally {
		await db.end();
	}
}

/** A week filled with no network: 100 entries of 20 minutes (15 a day from 06:00) and 10 expenses. */
function offlineWeek(userId: string, week: string): Sheet {
	const sheet: Sheet = { doc: new Y.Doc(), userId, week };
	const days = weekDays(week);
	for (let i = 0; i < 100; i++) {
		const startMinute = 360 + (i % 15) * 20;
		const result = addEntry(sheet, { date: days[Math.floor(i / 15)], startMinute, endMinute: startMinute + 20, ticketId: `t-${i % 7}`, billable: i % 4 !== 0 });
		if (!result.ok) throw new Error(result.errors.join('; '));
	}
	for (let i = 0; i < 10; i++) addExpense(sheet, { date: days[i % 7], category: 'Mileage', amount: 1000 + i, billable: true });
	return sheet;
}

const COUNTS = `SELECT (SELECT count(*)::int FROM time_entries WHERE tenant_id = $1 AND user_id = $2 AND deleted_at IS NULL) AS entries,
	(SELECT count(DISTINCT id)::int FROM time_entries WHERE tenant_id = $1) AS "entryIds",
	(SELECT coalesce(sum(minutes), 0)::int FROM time_entries WHERE tenant_id = $1 AND deleted_at IS NULL) AS minutes,
	(SELECT count(*)::int FROM expenses WHERE tenant_id = $1 AND user_id = $2 AND deleted_at IS NULL) AS expenses,
	(SELECT coalesce(sum(amount), 0)::int FROM expenses WHERE tenant_id = $1 AND deleted_at IS NULL) AS amount,
	(SELECT count(*)::int FROM timesheets WHERE tenant_id = $1 AND user_id = $2) AS weeks`;

describe('timesheets', () => {
	it('a tech\'s two offline weeks (200 entries, 20 expenses) land in Postgres once, and again once after a second reconnect; a broken entry keeps its last good row', async () => {
		const owner = await signUpTenant(server.app.url);
		const tech = await addMember(owner, server.app.url, 'technician', 'Theo');
		const weeks = ['2026-W53', '2027-W01'].map((week) => offlineWeek(tech.userId, week));
		for (const sheet of weeks) {
			const open = await openAs(tech.client, timesheetDocName(owner.tenantId, tech.userId, sheet.week), { doc: sheet.doc });
			await allAcknowledged(open.provider);
			open.close();
		}
		// a person's week is not in the tenant-wide feed other staff read
		const feed = await readAllRows(owner.client);
		expect(feed.timeEntries).toBeUndefined();
		expect(feed.expenses).toBeUndefined();

		await server.app.halt();
		const expected = { entries: 200, entryIds: 200, minutes: 4000, expenses: 20, amount: 2 * (10 * 1000 + 45), weeks: 2 };
		expect((await queryStopped(server.app, COUNTS, [owner.tenantId, tech.userId]))[0]).toEqual(expected);

		// the same device sends everything again (it never heard the acknowledgements): still once each
		server.app = await server.app.relaunch();
		const again = await openAs(tech.client, timesheetDocName(owner.tenantId, tech.userId, '2026-W53'), { doc: weeks[0].doc });
		addEntry(weeks[0], { date: '2026-12-31', minutes: 15, notes: 'after reconnect' });
		// a client that skipped the checks writes an end before the start: quarantined, its last good row kept
		const broken = [...weeks[0].doc.getMap('entries').keys()].sort()[0];
		upsertRecord(weeks[0].doc, 'entries', broken, { endMinute: 300 });
		await allAcknowledged(again.provider);
		again.close();
		await server.app.halt();
		expect((await queryStopped(server.app, COUNTS, [owner.tenantId, tech.userId]))[0]).toEqual({ ...expected, entries: 201, entryIds: 201, minutes: 4015 });
		const errors = await queryStopped<{ collection: string; reason: string }>(server.app, 'SELECT collection, reason FROM materializer_errors WHERE tenant_id = $1 AND record_id = $2', [owner.tenantId, broken]);
		expect(errors).toEqual([{ collection: 'entries', reason: 'minutes: the end is before the start' }]);
		server.app = await server.app.relaunch();
		// two halts and relaunches around 220 records: over a minute on a loaded two-core machine
	}, 180_000);
});
