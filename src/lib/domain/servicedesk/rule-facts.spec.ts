import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { upsertRecord } from '../documents/shape.js';
import { readServiceDesk } from './read.js';
import { ticketFacts, withChanges, type RuleTicketRow } from './rule-facts.js';

function desk() {
	const doc = new Y.Doc();
	upsertRecord(doc, 'slaPolicies', 'std', { name: 'Standard', isDefault: true, resolutionNormal: 60, resolutionCritical: 30, deletedAt: null });
	upsertRecord(doc, 'slaPolicies', 'gold', { name: 'Gold', isDefault: false, resolutionNormal: 600, deletedAt: null });
	return readServiceDesk(doc);
}

const row = (over: Partial<RuleTicketRow> = {}): RuleTicketRow => ({
	id: 't1', number: 3, title: 'Mail down', source: 'phone', customerId: 'acme', customerName: 'Acme', customerClass: 'Premier', leadTechId: 'lee',
	contactId: null, type: null, alertKey: null, status: 'new', priority: 'normal', queue: null, assignee: null, dueDate: null,
	createdAt: '2026-12-01T09:00:00.000Z', firstResponseAt: null, lastActivityAt: '2026-12-01T09:00:00.000Z',
	slaLog: [['2026-12-01T09:00:00.000Z', 'status', 'new'], ['2026-12-01T09:00:00.000Z', 'priority', 'normal']], slaPolicyId: null, ...over
});

const done = new Set(['resolved', 'closed']);
const at = (iso: string) => new Date(iso);

describe('ticketFacts', () => {
	it('is breached past the resolution target of the policy the agreement names, else the default', () => {
		expect(ticketFacts(row(), desk(), done, at('2026-12-01T10:01:00.000Z')).slaBreached).toBe(true);
		expect(ticketFacts(row(), desk(), done, at('2026-12-01T09:59:00.000Z')).slaBreached).toBe(false);
		expect(ticketFacts(row({ slaPolicyId: 'gold' }), desk(), done, at('2026-12-01T10:01:00.000Z')).slaBreached).toBe(false);
	});

	it('knows a done status', () => {
		expect(ticketFacts(row({ status: 'closed' }), desk(), done, at('2026-12-01T10:00:00.000Z')).done).toBe(true);
	});

	it('takes a rule\'s changes for the rules after it, keeping the SLA reading of the stored ticket', () => {
		const before = ticketFacts(row(), desk(), done, at('2026-12-01T10:01:00.000Z'));
		const after = withChanges(before, [{ field: 'priority', value: 'critical' }, { field: 'status', value: 'resolved' }], done);
		expect(after).toMatchObject({ priority: 'critical', status: 'resolved', done: true, title: 'Mail down', slaBreached: true });
		expect(before).toMatchObject({ priority: 'normal', status: 'new', done: false });
	});
});
