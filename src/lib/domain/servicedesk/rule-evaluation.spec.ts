import { describe, expect, it } from 'vitest';
import { activeRules, evaluateTicket, MAX_PASSES, type Evaluation } from './rule-evaluation.js';
import type { TicketFacts } from './rules.js';
import type { RuleRecord } from './settings.js';

const record = (id: string, fields: Omit<Partial<RuleRecord>, 'conditions' | 'actions'> & { conditions: unknown[]; actions: unknown[] }): RuleRecord => ({
	id,
	name: id,
	enabled: true,
	trigger: 'changed',
	rank: null,
	deletedAt: null,
	...fields,
	conditions: JSON.stringify(fields.conditions),
	actions: JSON.stringify(fields.actions)
});

const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
	ticketId: 't1', number: 7, title: 'Web server down', source: 'alert', customerId: 'acme', customerName: 'Acme', customerClass: 'Premier', leadTechId: 'lee',
	contactId: 'c1', type: null, alertKey: null, status: 'new', priority: 'normal', queue: 'triage', assignee: null, dueDate: null,
	lastActivityAt: '2026-12-01T09:00:00.000Z', done: false, slaBreached: false, ...over
});

const ev = (over: Partial<Evaluation> = {}): Evaluation => ({ on: 'change', isNew: false, fired: new Set(), done: new Set(['resolved', 'closed']), now: new Date('2026-12-01T09:00:00.000Z'), ...over });
const rulesOf = (...records: RuleRecord[]) => activeRules(records).rules;

describe('activeRules', () => {
	it('keeps enabled, valid rules in rank order; reports broken ones; never runs disabled or deleted ones', () => {
		const { rules, problems } = activeRules([
			record('b', { rank: 'b', conditions: [], actions: [{ queue: 'q' }] }),
			record('a', { rank: 'a', conditions: [], actions: [{ queue: 'q' }] }),
			record('unranked', { conditions: [], actions: [{ queue: 'q' }] }),
			record('off', { rank: '0', enabled: false, conditions: [], actions: [{ queue: 'q' }] }),
			record('gone', { rank: '0', deletedAt: '2026-01-01T00:00:00.000Z', conditions: [], actions: [{ queue: 'q' }] }),
			{ ...record('broken', { conditions: [], actions: [] }), conditions: '{nope' }
		]);
		expect(rules.map((r) => r.id)).toEqual(['a', 'b', 'unranked']);
		expect(problems).toEqual([{ id: 'broken', name: 'broken', error: 'the conditions are not valid JSON; actions: a rule needs an action' }]);
	});
});

describe('evaluateTicket', () => {
	const routeAlerts = record('route', { trigger: 'created', conditions: [{ field: 'source', op: 'is', value: 'alert' }], actions: [{ assign: 'lead' }, { priority: 'critical' }, { notify: 'assignee' }] });
	const criticalToOps = record('ops', { trigger: 'changed', conditions: [{ field: 'priority', op: 'is', value: 'critical' }], actions: [{ queue: 'ops' }] });

	it('runs created rules only for a new ticket, changed rules on every change', () => {
		const rules = rulesOf(routeAlerts, criticalToOps);
		expect(evaluateTicket(rules, facts(), ev({ isNew: false }))).toEqual([]);
		const firings = evaluateTicket(rules, facts(), ev({ isNew: true }));
		expect(firings.map((f) => [f.rule.id, f.changes])).toEqual([
			['route', [{ field: 'assignee', value: 'lee' }, { field: 'priority', value: 'critical' }]],
			// the next rule sees the first one's change in the same pass
			['ops', [{ field: 'queue', value: 'ops' }]]
		]);
		// "assignee" means whom the rule left it with
		expect(firings[0].after).toEqual({ assignee: 'lee', leadTechId: 'lee', contactId: 'c1' });
		expect(firings[0].notifications[0]).toMatchObject({ to: 'assignee', body: expect.stringContaining('priority critical') });
	});

	it('skips what already fired; a timer tick runs only timer rules', () => {
		const rules = rulesOf(routeAlerts, record('idle', { trigger: 'timer', conditions: [{ idleMinutes: 10 }], actions: [{ notify: { user: 'boss' } }] }));
		const first = evaluateTicket(rules, facts(), ev({ isNew: true }));
		expect(evaluateTicket(rules, facts(), ev({ isNew: true, fired: new Set(first.map((f) => f.key)) }))).toEqual([]);
		expect(evaluateTicket(rules, facts(), ev({ on: 'timer', now: new Date('2026-12-01T09:09:00.000Z') }))).toEqual([]);
		expect(evaluateTicket(rules, facts(), ev({ on: 'timer', now: new Date('2026-12-01T09:10:00.000Z') })).map((f) => f.rule.id)).toEqual(['idle']);
	});

	it('stops rules that undo each other after a bounded number of passes', () => {
		const up = record('up', { rank: 'a', conditions: [{ field: 'priority', op: 'is', value: 'low' }], actions: [{ priority: 'high' }] });
		const down = record('down', { rank: 'b', conditions: [{ field: 'priority', op: 'is', value: 'high' }], actions: [{ priority: 'low' }] });
		const firings = evaluateTicket(rulesOf(up, down), facts({ priority: 'low' }), ev());
		// up, down — then each state has fired once, and nothing more fires however many passes are left
		expect(firings.map((f) => f.rule.id)).toEqual(['up', 'down']);
		expect(firings.length).toBeLessThanOrEqual(2 * MAX_PASSES);
	});

	it('a change to a done status makes the ticket done for the rules after it', () => {
		const close = record('close', { rank: 'a', conditions: [{ field: 'title', op: 'contains', value: 'spam' }], actions: [{ status: 'closed' }] });
		const openOnly = record('open-only', { rank: 'z', conditions: [{ open: true }], actions: [{ queue: 'work' }] });
		expect(evaluateTicket(rulesOf(close, openOnly), facts({ title: 'spam offer' }), ev()).map((f) => f.rule.id)).toEqual(['close']);
	});
});
