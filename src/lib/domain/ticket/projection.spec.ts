import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setEntity, upsertRecord } from '../documents/shape.js';
import { projectTicket, seenKey, STAMPS } from './projection.js';

const T = '01a20000-0000-7000-8000-000000000001';
const NAME = `${T}:ticket:t-1`;

function ticketDoc() {
	const doc = new Y.Doc();
	setEntity(doc, 'ticket', { id: 't-1', title: 'Printer offline', customerId: 'c-1', source: 'phone', createdAt: '2026-12-01T09:00:00.000Z', relatedIds: 't-2 t-3' });
	doc.getText('description').insert(0, 'Nothing prints since Monday');
	upsertRecord(doc, 'events', 'e1', { at: '2026-12-01T09:00:00.000Z', by: 'Dana', field: 'status', value: 'new' });
	upsertRecord(doc, 'events', 'e2', { at: '2026-12-01T09:00:00.000Z', by: 'Dana', field: 'priority', value: 'normal' });
	upsertRecord(doc, 'events', 'e3', { at: '2026-12-01T10:00:00.000Z', by: 'Joe', field: 'status', value: 'in-progress' });
	upsertRecord(doc, 'notes', 'n1', { body: 'Looking at it', visibility: 'internal', origin: 'staff', by: 'Joe', at: '2026-12-01T09:30:00.000Z' });
	upsertRecord(doc, 'notes', 'n2', { body: 'On my way', visibility: 'public', origin: 'staff', by: 'Joe', at: '2026-12-01T10:05:00.000Z' });
	upsertRecord(doc, 'checklist', 'k1', { text: 'Check toner', done: true, rank: 'a' });
	upsertRecord(doc, 'checklist', 'k2', { text: 'Print test page', done: false, rank: 'b' });
	return doc;
}

describe('projectTicket', () => {
	it('gives the ticket its current workflow values, first response, last activity and checklist counts', () => {
		const { tickets, ticketEvents, ticketNotes, problems } = projectTicket(NAME, ticketDoc());
		expect(problems).toEqual([]);
		expect(tickets).toEqual([
			expect.objectContaining({
				id: 't-1',
				title: 'Printer offline',
				number: null,
				description: 'Nothing prints since Monday',
				relatedIds: ['t-2', 't-3'],
				status: 'in-progress',
				priority: 'normal',
				assignee: null,
				statusSince: '2026-12-01T10:00:00.000Z',
				firstResponseAt: '2026-12-01T10:05:00.000Z',
				lastActivityAt: '2026-12-01T10:05:00.000Z',
				checklistDone: 1,
				checklistTotal: 2
			})
		]);
		expect(ticketEvents.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
		expect(ticketNotes.map((n) => [n.id, n.ticketId, n.visibility])).toEqual([['n1', 't-1', 'internal'], ['n2', 't-1', 'public']]);
	});

	it('uses the first-seen times: a device clock in the future does not win', () => {
		const doc = ticketDoc();
		upsertRecord(doc, 'events', 'e4', { at: '2027-06-01T00:00:00.000Z', by: 'Tech', field: 'status', value: 'closed' });
		expect(projectTicket(NAME, doc).tickets[0].status).toBe('closed');
		doc.getMap(STAMPS).set(seenKey('e4'), '2026-12-01T09:45:00.000Z');
		const projected = projectTicket(NAME, doc);
		expect(projected.tickets[0].status).toBe('in-progress');
		expect(projected.ticketEvents.find((e) => e.id === 'e4')!.effectiveAt).toBe('2026-12-01T09:45:00.000Z');
	});

	it('takes the number the server stamped, and ignores one that is not a whole number', () => {
		const doc = ticketDoc();
		doc.getMap(STAMPS).set('number', 1042);
		expect(projectTicket(NAME, doc).tickets[0].number).toBe(1042);
		doc.getMap(STAMPS).set('number', '1042; DROP TABLE tickets');
		expect(projectTicket(NAME, doc).tickets[0].number).toBeNull();
	});

	it('quarantines a bad record and projects the rest', () => {
		const doc = ticketDoc();
		upsertRecord(doc, 'events', 'bad', { at: 'yesterday', field: 'colour', value: 'red' });
		const { tickets, problems } = projectTicket(NAME, doc);
		expect(tickets).toHaveLength(1);
		expect(problems).toEqual([expect.objectContaining({ collection: 'events', recordId: 'bad' })]);
	});

	it('projects the same rows from two replicas that merged concurrent edits', () => {
		const a = ticketDoc();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		upsertRecord(a, 'events', 'ea', { at: '2026-12-01T11:00:00.000Z', by: 'Dispatcher', field: 'assignee', value: 'joe' });
		upsertRecord(b, 'events', 'eb', { at: '2026-12-01T10:30:00.000Z', by: 'Tech offline', field: 'assignee', value: 'ann' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(projectTicket(NAME, a)).toEqual(projectTicket(NAME, b));
		expect(projectTicket(NAME, a).tickets[0].assignee).toBe('joe');
	});
});
