import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord } from '../documents/shape.js';
import { changeWorkflow, createTicket } from '../ticket/edits.js';
import { projectTicket } from '../ticket/projection.js';
import { readServiceDesk } from './read.js';
import { ticketSla } from './ticket-sla.js';

const ID = '01a20000-0000-7000-8000-000000000001';
const NAME = `01a20000-0000-7000-8000-0000000000aa:ticket:${ID}`;
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 11, 1, h, m));

function desk() {
	const catalog = new Y.Doc();
	// round the clock, so the figures are plain minutes
	upsertRecord(catalog, 'calendars', 'k1', { name: 'Always', timeZone: 'UTC', hours: 'Mon-Sun 00:00-24:00' });
	upsertRecord(catalog, 'slaPolicies', 'std', { name: 'Standard', calendarId: 'k1', isDefault: true, firstResponseNormal: 60, resolutionNormal: 240, resolutionCritical: 60 });
	return readServiceDesk(catalog);
}

describe('ticketSla', () => {
	it('reads the clock from the projected row: pauses while waiting on the customer, the current priority\'s target', () => {
		const doc = new Y.Doc();
		createTicket(doc, ID, { title: 'VPN down' }, { by: 'Dana', at: at(9) });
		changeWorkflow(doc, { status: 'waiting-on-customer' }, { by: 'Dana', at: at(10) });
		changeWorkflow(doc, { status: 'in-progress' }, { by: 'Dana', at: at(12) });
		const row = projectTicket(NAME, doc).tickets[0];
		expect(row.slaLog).toEqual([
			[at(9).toISOString(), 'status', 'new'],
			[at(9).toISOString(), 'priority', 'normal'],
			[at(10).toISOString(), 'status', 'waiting-on-customer'],
			[at(12).toISOString(), 'status', 'in-progress']
		]);
		// 9–10 and 12–13 run: 120 of 240 minutes
		const reading = ticketSla(desk(), row, null, at(13))!;
		expect(reading.resolution).toMatchObject({ state: 'running', elapsedMinutes: 120, minutesLeft: 120 });
		expect(reading.firstResponse).toMatchObject({ state: 'breached' });

		changeWorkflow(doc, { priority: 'critical' }, { by: 'Dana', at: at(13) });
		expect(ticketSla(desk(), projectTicket(NAME, doc).tickets[0], null, at(13))!.resolution).toMatchObject({ state: 'breached', minutesLeft: -60 });
	});

	it('is null without a policy', () => {
		const doc = new Y.Doc();
		createTicket(doc, ID, { title: 'VPN down' }, { by: 'Dana', at: at(9) });
		expect(ticketSla(readServiceDesk(new Y.Doc()), projectTicket(NAME, doc).tickets[0], null, at(10))).toBeNull();
	});
});
