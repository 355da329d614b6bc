import { describe, expect, it } from 'vitest';
import { firingKey, parseRule, planActions, render, ruleMatches, type Rule, type TicketFacts } from './rules.js';
import type { RuleRecord } from './settings.js';

const record = (fields: Partial<RuleRecord> & Pick<RuleRecord, 'trigger' | 'conditions' | 'actions'>): RuleRecord => ({ id: 'r1', name: 'Rule', enabled: true, rank: null, deletedAt: null, ...fields });
const rule = (fields: Parameters<typeof record>[0]): Rule => {
	const parsed = parseRule(record(fields));
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed.rule;
};

const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
	ticketId: 't1', number: 1042, title: 'Printer offline', source: 'phone', customerId: 'acme', customerName: 'Acme', customerClass: null, leadTechId: 'ann',
	contactId: null, type: null, alertKey: null, status: 'new', priority: 'normal', queue: null, assignee: null, dueDate: null,
	lastActivityAt: '2026-12-01T09:00:00.000Z', done: false, slaBreached: false, ...over
});
const at = (iso: string) => new Date(iso);

// (1) every new request from customer Acme entered through the portal goes to technician Joe and the Dispatch queue
const acmePortal = rule({
	trigger: 'created',
	conditions: JSON.stringify([{ field: 'customerId', op: 'is', value: 'acme' }, { field: 'source', op: 'is', value: 'portal' }]),
	actions: JSON.stringify([{ assign: 'joe' }, { queue: 'dispatch' }])
});
// (2) a web server down alert goes to the account's lead tech at critical priority, who is told; still open and idle after 10 minutes, the service manager is told
const webDown = rule({
	trigger: 'created',
	conditions: JSON.stringify([{ field: 'source', op: 'is', value: 'alert' }, { field: 'title', op: 'contains', value: 'web server' }]),
	actions: JSON.stringify([{ assign: 'lead' }, { priority: 'critical' }, { notify: 'lead', subject: '{{ticket.number}} down at {{customer.name}}' }])
});
const webDownIdle = rule({
	trigger: 'timer',
	conditions: JSON.stringify([{ field: 'source', op: 'is', value: 'alert' }, { field: 'title', op: 'contains', value: 'web server' }, { idleMinutes: 10 }]),
	actions: JSON.stringify([{ notify: { user: 'manager' } }])
});
// (3) every overdue ticket of a Premier customer moves to Immediate Attention, becomes critical, and the service manager is told
const premierOverdue = rule({
	trigger: 'timer',
	conditions: JSON.stringify([{ field: 'customerClass', op: 'is', value: 'Premier' }, { overdue: true }]),
	actions: JSON.stringify([{ queue: 'immediate-attention' }, { priority: 'critical' }, { notify: { user: 'manager' } }])
});

describe('the three rules', () => {
	it('(1) routes Acme\'s portal requests to Joe in Dispatch, and nothing else', () => {
		const now = at('2026-12-01T09:00:00.000Z');
		expect(ruleMatches(acmePortal, facts({ source: 'portal' }), now)).toBe(true);
		expect(ruleMatches(acmePortal, facts({ source: 'mail' }), now)).toBe(false);
		expect(ruleMatches(acmePortal, facts({ source: 'portal', customerId: 'other' }), now)).toBe(false);
		expect(planActions(acmePortal, facts({ source: 'portal' }))).toEqual({ changes: [{ field: 'assignee', value: 'joe' }, { field: 'queue', value: 'dispatch' }], notifications: [] });
	});

	it('(2) gives a web server alert to the lead tech at critical and tells them; tells the manager when it sits idle for 10 minutes', () => {
		const alert = facts({ source: 'alert', title: 'Web server down: www01' });
		expect(ruleMatches(webDown, alert, at('2026-12-01T09:00:00.000Z'))).toBe(true);
		expect(planActions(webDown, alert)).toEqual({
			changes: [{ field: 'assignee', value: 'ann' }, { field: 'priority', value: 'critical' }],
			notifications: [{ to: 'lead', subject: 'T-1042 down at Acme', body: 'Rule: Web server down: www01 (Acme), priority critical.' }]
		});
		expect(ruleMatches(webDownIdle, alert, at('2026-12-01T09:09:59.000Z'))).toBe(false);
		expect(ruleMatches(webDownIdle, alert, at('2026-12-01T09:10:00.000Z'))).toBe(true);
		expect(ruleMatches(webDownIdle, { ...alert, done: true }, at('2026-12-01T10:00:00.000Z'))).toBe(false);
	});

	it('(3) escalates an overdue ticket of a Premier customer, by due date or by a breached SLA', () => {
		const premier = facts({ customerClass: 'premier', dueDate: '2026-11-30' });
		expect(ruleMatches(premierOverdue, premier, at('2026-12-01T09:00:00.000Z'))).toBe(true);
		expect(ruleMatches(premierOverdue, { ...premier, dueDate: '2026-12-01' }, at('2026-12-01T09:00:00.000Z'))).toBe(false);
		expect(ruleMatches(premierOverdue, { ...premier, dueDate: null, slaBreached: true }, at('2026-12-01T09:00:00.000Z'))).toBe(true);
		expect(ruleMatches(premierOverdue, { ...premier, customerClass: 'Standard' }, at('2026-12-01T09:00:00.000Z'))).toBe(false);
		expect(planActions(premierOverdue, premier).changes).toEqual([{ field: 'queue', value: 'immediate-attention' }, { field: 'priority', value: 'critical' }]);
	});
});

describe('firing once', () => {
	it('fires a created rule once per ticket, an idle rule again after new activity', () => {
		expect(firingKey(acmePortal, facts())).toBe(firingKey(acmePortal, facts({ status: 'closed' })));
		const idle = facts({ source: 'alert', title: 'web server down' });
		expect(firingKey(webDownIdle, idle)).toBe(firingKey(webDownIdle, { ...idle }));
		expect(firingKey(webDownIdle, idle)).not.toBe(firingKey(webDownIdle, { ...idle, lastActivityAt: '2026-12-01T09:30:00.000Z' }));
	});

	it('plans no change that is already made', () => {
		expect(planActions(premierOverdue, facts({ queue: 'immediate-attention', priority: 'critical' })).changes).toEqual([]);
	});
});

describe('parseRule and render', () => {
	it('refuses broken JSON, unknown fields and a rule without actions, saying why', () => {
		expect(parseRule(record({ trigger: 'created', conditions: '[', actions: '[]' }))).toEqual({ error: 'the conditions are not valid JSON; actions: a rule needs an action' });
		expect(parseRule(record({ trigger: 'created', conditions: '[{"field":"colour","op":"is","value":"red"}]', actions: '[{"queue":"q"}]' }))).toEqual({
			error: 'condition 1: not a condition the rules know'
		});
		expect(parseRule(record({ trigger: 'created', conditions: '[]', actions: '[]' }))).toEqual({ error: 'actions: a rule needs an action' });
		expect(parseRule(record({ trigger: 'created', conditions: '[]', actions: '[{"queue":"q"},{"delete":"everything"}]' }))).toEqual({ error: 'action 2: not an action the rules know' });
	});

	it('fills the variables it knows and leaves the others', () => {
		expect(render('{{ ticket.number }} for {{customer.name}}: {{ticket.title}} {{unknown}}', facts({ number: null }))).toBe('(new) for Acme: Printer offline {{unknown}}');
	});
});
