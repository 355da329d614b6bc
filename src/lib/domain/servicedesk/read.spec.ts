import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord } from '../documents/shape.js';
import { doneStatuses, policyFor, readServiceDesk } from './read.js';

function catalog() {
	const doc = new Y.Doc();
	upsertRecord(doc, 'calendars', 'k1', { name: 'Office', timeZone: 'America/New_York', hours: 'Mon-Fri 09:00-17:00', holidays: '2026-12-25' });
	upsertRecord(doc, 'slaPolicies', 'std', { name: 'Standard', calendarId: 'k1', isDefault: true, firstResponseNormal: 240, resolutionNormal: 2400 });
	upsertRecord(doc, 'slaPolicies', 'gold', { name: 'Gold', calendarId: null, isDefault: false, firstResponseCritical: 15, resolutionCritical: 120 });
	upsertRecord(doc, 'queues', 'q1', { name: 'Dispatch' });
	upsertRecord(doc, 'queues', 'bad', { name: '' });
	return doc;
}

describe('readServiceDesk', () => {
	it('reads the settings, leaves out bad records, and starts with the default statuses', () => {
		const desk = readServiceDesk(catalog());
		expect(desk.queues.map((q) => q.name)).toEqual(['Dispatch', 'Triage']);
		expect(desk.problems).toEqual([expect.objectContaining({ collection: 'queues', recordId: 'bad' })]);
		expect(desk.statuses.map((s) => s.id)).toEqual(['new', 'in-progress', 'waiting-on-customer', 'scheduled', 'resolved', 'closed']);
		expect([...doneStatuses(desk)]).toEqual(['resolved', 'closed']);
	});

	it('takes the policy an agreement names, else the default one, with its calendar', () => {
		const desk = readServiceDesk(catalog());
		expect(policyFor(desk, 'gold')!.targets.critical).toEqual({ firstResponse: 15, resolution: 120 });
		const standard = policyFor(desk, null)!;
		expect(standard.targets.normal).toEqual({ firstResponse: 240, resolution: 2400 });
		expect(standard.calendar.timeZone).toBe('America/New_York');
		expect(policyFor(readServiceDesk(new Y.Doc()), null)).toBeNull();
	});
});
