import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord } from '../documents/shape.js';
import type { SlaLogEntry } from '../ticket/projection.js';
import type { DayTicket } from './day-cards.js';
import { readServiceDesk } from './read.js';
import { compliance, slaReport, weekOf } from './sla-report.js';

// a Wednesday
const NOW = new Date('2026-12-02T15:00:00.000Z');

function context() {
	const catalog = new Y.Doc();
	upsertRecord(catalog, 'calendars', 'k1', { name: 'Always', timeZone: 'UTC', hours: 'Mon-Sun 00:00-24:00' });
	upsertRecord(catalog, 'slaPolicies', 'std', { name: 'Standard', calendarId: 'k1', isDefault: true, firstResponseNormal: 60, resolutionNormal: 480, resolutionCritical: 60 });
	return { desk: readServiceDesk(catalog), policyOf: () => null, timeZone: 'UTC', now: NOW };
}

/** A ticket opened at `at`, answered after `answered` minutes, resolved after `resolved` minutes (null: still open). */
function ticket(id: string, at: string, answered: number | null, resolved: number | null, priority = 'normal'): DayTicket {
	const plus = (m: number) => new Date(Date.parse(at) + m * 60_000).toISOString();
	const slaLog: SlaLogEntry[] = [[at, 'status', 'new'], [at, 'priority', priority]];
	if (resolved !== null) slaLog.push([plus(resolved), 'status', 'resolved']);
	return { id, createdAt: at, firstResponseAt: answered === null ? null : plus(answered), priority: null, customerId: null, status: resolved === null ? 'new' : 'resolved', dueDate: null, statusSince: null, slaLog };
}

describe('slaReport', () => {
	it('counts met, missed and open targets by the week a ticket was opened and by priority', () => {
		const report = slaReport(
			[
				ticket('a', '2026-11-30T08:00:00.000Z', 30, 120), // this week: both met
				ticket('b', '2026-12-01T08:00:00.000Z', 90, 600), // this week: both missed
				ticket('c', '2026-12-02T14:30:00.000Z', null, null), // this week: both running
				ticket('d', '2026-11-24T08:00:00.000Z', 10, null, 'critical'), // last week: answered, resolution breached
				ticket('old', '2026-08-01T08:00:00.000Z', 10, 20) // before the period
			],
			context(),
			2
		);
		expect(report.weeks).toEqual([
			{ week: '2026-11-23', firstResponse: { met: 0, missed: 0, open: 0 }, resolution: { met: 0, missed: 1, open: 0 } },
			{ week: '2026-11-30', firstResponse: { met: 1, missed: 1, open: 1 }, resolution: { met: 1, missed: 1, open: 1 } }
		]);
		expect(report.priorities.map((p) => p.priority)).toEqual(['critical', 'normal']);
		expect(report.total.resolution).toEqual({ met: 1, missed: 2, open: 1 });
		expect(compliance(report.total.resolution)).toBeCloseTo(1 / 3);
		expect(compliance({ met: 0, missed: 0, open: 3 })).toBeNull();
	});

	it('starts weeks on Monday where the tenant is', () => {
		expect(weekOf('2026-12-06T23:30:00.000Z', 'UTC')).toBe('2026-11-30');
		// Sunday 23:30 UTC is already Monday in Tokyo
		expect(weekOf('2026-12-06T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-12-07');
	});
});
