import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord } from '../documents/shape.js';
import type { SlaLogEntry } from '../ticket/projection.js';
import { dayCards, type DayTicket } from './day-cards.js';
import { readServiceDesk } from './read.js';

const NOW = new Date('2026-12-02T15:00:00.000Z');

function desk() {
	const catalog = new Y.Doc();
	upsertRecord(catalog, 'calendars', 'k1', { name: 'Always', timeZone: 'UTC', hours: 'Mon-Sun 00:00-24:00' });
	// normal: resolve within 8 hours; low: within 4,000 minutes, at risk with less than a fifth left
	upsertRecord(catalog, 'slaPolicies', 'std', { name: 'Standard', calendarId: 'k1', isDefault: true, resolutionNormal: 480, resolutionLow: 4000 });
	return readServiceDesk(catalog);
}

function ticket(id: string, createdAt: string, fields: Partial<DayTicket> = {}): DayTicket {
	const log: SlaLogEntry[] = [[createdAt, 'status', fields.status ?? 'new'], [createdAt, 'priority', fields.priority ?? 'normal']];
	return { id, createdAt, firstResponseAt: null, priority: null, customerId: null, status: 'new', dueDate: null, statusSince: createdAt, slaLog: log, ...fields };
}

describe('dayCards', () => {
	it('puts each open ticket in the first card that fits, and the ones finished today in done', () => {
		const tickets = [
			ticket('breached', '2026-12-02T05:00:00.000Z'), // 10 h of 8: breached
			ticket('late', '2026-12-02T14:00:00.000Z', { dueDate: '2026-12-01' }),
			ticket('due-date', '2026-12-02T14:00:00.000Z', { dueDate: '2026-12-02' }),
			ticket('sla-due', '2026-12-02T10:00:00.000Z'), // falls due at 18:00 today
			// 600 of 4,000 minutes left: falls due at 01:00 tomorrow
			ticket('risk', '2026-11-30T06:20:00.000Z', { priority: 'low' }),
			ticket('tomorrow', '2026-12-02T14:30:00.000Z', { priority: 'low', dueDate: '2026-12-05' }),
			ticket('closed-today', '2026-12-01T09:00:00.000Z', { status: 'resolved', statusSince: '2026-12-02T09:00:00.000Z' }),
			ticket('closed-before', '2026-11-30T09:00:00.000Z', { status: 'closed', statusSince: '2026-12-01T09:00:00.000Z' })
		];
		const cards = dayCards(tickets, { desk: desk(), policyOf: () => null, timeZone: 'UTC', now: NOW });
		const ids = (list: DayTicket[]) => list.map((t) => t.id);
		expect(ids(cards.overdue)).toEqual(['breached', 'late']);
		expect(ids(cards.due)).toEqual(['due-date', 'sla-due']);
		expect(ids(cards.atRisk)).toEqual(['risk']);
		expect(ids(cards.done)).toEqual(['closed-today']);
	});

	it('counts days where the tenant is', () => {
		// 02:00 UTC on the 3rd is still the 2nd in New York
		const late = ticket('ny', '2026-12-02T14:00:00.000Z', { status: 'resolved', statusSince: '2026-12-03T02:00:00.000Z' });
		const now = new Date('2026-12-03T03:00:00.000Z');
		expect(dayCards([late], { desk: desk(), policyOf: () => null, timeZone: 'America/New_York', now }).done).toHaveLength(1);
		expect(dayCards([late], { desk: desk(), policyOf: () => null, timeZone: 'UTC', now }).done).toHaveLength(1);
		expect(dayCards([late], { desk: desk(), policyOf: () => null, timeZone: 'Asia/Tokyo', now: new Date('2026-12-03T16:00:00.000Z') }).done).toHaveLength(0);
	});
});
