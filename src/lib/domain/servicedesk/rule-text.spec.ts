import { describe, expect, it } from 'vitest';
import { actionsText, conditionsText, type RuleNames } from './rule-text.js';
import type { Rule } from './rules.js';

const names: RuleNames = {
	customer: (id) => ({ acme: 'Acme' })[id] ?? null,
	person: (id) => ({ joe: 'Joe', sam: 'Sam' })[id] ?? null,
	queue: (id) => ({ dispatch: 'Dispatch', 'immediate-attention': 'Immediate Attention' })[id] ?? null,
	status: (id) => ({ new: 'New' })[id] ?? null
};

describe('rule summaries', () => {
	it('read the issue\'s rules as a person would say them', () => {
		const acme: Pick<Rule, 'conditions' | 'actions'> = {
			conditions: [{ field: 'customerId', op: 'is', value: 'acme' }, { field: 'source', op: 'is', value: 'portal' }],
			actions: [{ assign: 'joe' }, { queue: 'dispatch' }]
		};
		expect(conditionsText(acme, names)).toBe('customer is Acme and source is Portal');
		expect(actionsText(acme, names)).toBe('assign to Joe, move to Dispatch');
		const idle: Pick<Rule, 'conditions' | 'actions'> = {
			conditions: [{ field: 'title', op: 'contains', value: 'web server' }, { open: true }, { idleMinutes: 10 }],
			actions: [{ assign: 'lead' }, { priority: 'critical' }, { notify: { user: 'sam' } }, { notify: { role: 'dispatcher' } }]
		};
		expect(conditionsText(idle, names)).toBe('title contains “web server” and it is open and nothing happened on it for 10 minutes');
		expect(actionsText(idle, names)).toBe('assign to the account’s lead tech, set priority Critical, notify Sam, notify every dispatcher');
	});

	it('say nothing without conditions (every ticket), "nobody" for no assignee, and own up to a person who left', () => {
		expect(conditionsText({ conditions: [] }, names)).toBeNull();
		expect(conditionsText({ conditions: [{ field: 'assignee', op: 'is', value: '' }] }, names)).toBe('assignee is nobody');
		expect(actionsText({ actions: [{ notify: { user: 'gone' } }] }, names)).toBe('notify someone who is no longer here');
	});
});
