import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChecklistItem, addNote, changeWorkflow, createTicket, moveVisit, scheduleVisit, setChecklistItem, ticketLabel, workflowValues } from './edits.js';
import { projectTicket } from './projection.js';

const TENANT = '01a20000-0000-7000-8000-0000000000aa';
const ID = '01a20000-0000-7000-8000-000000000001';
const name = `${TENANT}:ticket:${ID}`;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

function ticket() {
	const doc = new Y.Doc();
	createTicket(doc, ID, { title: '  Printer jams ', source: 'phone', description: 'Tray 2', priority: 'high', queue: 'dispatch' }, { by: 'Dana', at: at(0) });
	return doc;
}

describe('ticket edits', () => {
	it('make a ticket whose workflow fields are its first events', () => {
		const [row] = projectTicket(name, ticket()).tickets;
		expect(row).toMatchObject({ title: 'Printer jams', source: 'phone', description: 'Tray 2', status: 'new', priority: 'high', queue: 'dispatch', assignee: null, number: null });
	});

	it('append an event only for a field whose value changes', () => {
		const doc = ticket();
		expect(changeWorkflow(doc, { status: 'new', assignee: 'joe' }, { by: 'Dana', at: at(5) })).toEqual(['assignee']);
		expect(doc.getMap('events').size).toBe(4);
		expect(workflowValues(doc)).toEqual({ status: 'new', priority: 'high', queue: 'dispatch', assignee: 'joe' });
		// an empty value clears the field
		changeWorkflow(doc, { assignee: '' }, { by: 'Dana', at: at(6) });
		expect(workflowValues(doc).assignee).toBeNull();
	});

	it('keep notes, checklist and visits as the projection reads them', () => {
		const doc = ticket();
		addNote(doc, { body: ' Called the user ', visibility: 'public' }, { by: 'Joe', at: at(10) });
		const item = addChecklistItem(doc, 'Replace roller');
		addChecklistItem(doc, 'Test print');
		setChecklistItem(doc, item, { done: true });
		const visit = scheduleVisit(doc, { userId: 'joe', day: '2026-12-03' });
		moveVisit(doc, visit, { day: '2026-12-04' });
		const projection = projectTicket(name, doc);
		expect(projection.tickets[0]).toMatchObject({ firstResponseAt: at(10).toISOString(), checklistDone: 1, checklistTotal: 2 });
		expect(projection.ticketNotes[0]).toMatchObject({ body: 'Called the user', origin: 'staff', by: 'Joe' });
		expect(projection.ticketVisits[0]).toMatchObject({ userId: 'joe', day: '2026-12-04' });
		expect(projection.problems).toEqual([]);
	});

	it('count only people\'s changes as activity: rules and alerts do not make a ticket less idle', () => {
		const doc = ticket();
		changeWorkflow(doc, { assignee: 'joe' }, { by: 'rule: Alerts to the lead tech', at: at(1) });
		addNote(doc, { body: 'Still down', visibility: 'internal', origin: 'alert' }, { by: 'alert: nagios', at: at(5) });
		expect(projectTicket(name, doc).tickets[0].lastActivityAt).toBe(at(0).toISOString());
		changeWorkflow(doc, { status: 'in-progress' }, { by: 'Joe', at: at(7) });
		expect(projectTicket(name, doc).tickets[0].lastActivityAt).toBe(at(7).toISOString());
	});

	it('label a ticket by its number, provisionally until it has one', () => {
		expect(ticketLabel(1042, ID)).toBe('T-1042');
		expect(ticketLabel(null, ID)).toBe('new·0001');
	});
});
