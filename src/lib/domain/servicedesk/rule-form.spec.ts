import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, newAction, newCondition, ruleFields, type RuleDraft } from './rule-form.js';
import { parseRule } from './rules.js';
import type { RuleRecord } from './settings.js';

const saved = (draft: RuleDraft): RuleRecord => {
	const out = ruleFields(draft);
	if ('errors' in out) throw new Error(JSON.stringify(out.errors));
	return { id: 'r1', enabled: true, rank: null, deletedAt: null, ...out.fields };
};

// the three rules, as someone fills in the form
const acmePortal: RuleDraft = {
	name: 'Acme portal requests',
	trigger: 'created',
	conditions: [{ ...newCondition(), field: 'customerId', value: 'acme' }, { ...newCondition(), field: 'source', value: 'portal' }],
	actions: [{ ...newAction(), kind: 'assign', value: 'joe' }, { ...newAction(), kind: 'queue', value: 'dispatch' }]
};
const webDownIdle: RuleDraft = {
	name: 'Web server still down',
	trigger: 'timer',
	conditions: [{ ...newCondition(), field: 'source', value: 'alert' }, { ...newCondition(), field: 'title', op: 'contains', value: 'web server' }, { ...newCondition(), kind: 'open' }, { ...newCondition(), kind: 'idle', minutes: '10' }],
	actions: [{ ...newAction(), kind: 'notify', to: 'user', user: 'sam', subject: 'Nobody is on {{ticket.number}}', body: '' }]
};
const premierOverdue: RuleDraft = {
	name: 'Premier overdue',
	trigger: 'timer',
	conditions: [{ ...newCondition(), field: 'customerClass', value: 'Premier' }, { ...newCondition(), kind: 'overdue' }],
	actions: [{ ...newAction(), kind: 'queue', value: 'immediate-attention' }, { ...newAction(), kind: 'priority', value: 'critical' }, { ...newAction(), kind: 'notify', to: 'user', user: 'sam' }]
};

describe('the rule form', () => {
	it('writes the issue\'s three rules as records the runner reads, and reads them back the same', () => {
		for (const draft of [acmePortal, webDownIdle, premierOverdue]) {
			const record = saved(draft);
			expect(parseRule(record)).toHaveProperty('rule');
			expect(draftOf(record)).toEqual({ draft: { ...draft, conditions: draft.conditions.map((c) => ({ ...newCondition(), ...pick(c) })), actions: draft.actions.map((a) => ({ ...newAction(), ...pickAction(a) })) }, error: null });
		}
		expect(JSON.parse(saved(acmePortal).conditions)).toEqual([{ field: 'customerId', op: 'is', value: 'acme' }, { field: 'source', op: 'is', value: 'portal' }]);
		expect(JSON.parse(saved(webDownIdle).actions)).toEqual([{ notify: { user: 'sam' }, subject: 'Nobody is on {{ticket.number}}' }]);
	});

	it('says what to fix, field by field', () => {
		const out = ruleFields({
			...emptyDraft(),
			conditions: [{ ...newCondition(), field: 'title', op: 'contains', value: ' ' }, { ...newCondition(), kind: 'idle', minutes: '10' }, { ...newCondition(), field: 'title', op: 'in', value: ' , ' }],
			actions: [{ ...newAction(), kind: 'assign', value: '' }, { ...newAction(), kind: 'notify', to: 'user', user: '', subject: 'Hi {{ticket.owner}}' }]
		});
		expect(out).toEqual({
			errors: {
				name: 'A rule needs a name',
				'conditions.0.value': 'Enter a value',
				'conditions.1.kind': 'Idle time is checked by the timer: choose “On a timer” as the trigger',
				'conditions.2.value': 'List one or more values, separated by commas',
				'actions.0.value': 'Choose whom to assign',
				'actions.1.user': 'Choose whom to notify',
				'actions.1.subject': expect.stringMatching(/^\{\{ticket\.owner\}\} is not a variable; use \{\{ticket\.number\}\}/)
			}
		});
		expect(ruleFields({ ...emptyDraft(), name: 'Nothing to do', actions: [] })).toEqual({ errors: { actions: 'Add at least one action' } });
		expect(ruleFields({ ...webDownIdle, conditions: [{ ...newCondition(), kind: 'idle', minutes: '0' }] })).toEqual({ errors: { 'conditions.0.minutes': 'Enter whole minutes, from 1 to 525,600 (a year)' } });
	});

	it('lets "assignee is nobody" through, splits "is one of", and keeps listed fields to is / is not', () => {
		const record = saved({
			...emptyDraft(),
			name: 'Unassigned',
			conditions: [{ ...newCondition(), field: 'assignee', value: '' }, { ...newCondition(), field: 'title', op: 'in', value: 'VPN, Printer ,' }, { ...newCondition(), field: 'source', op: 'contains', value: 'portal' }],
			actions: [{ ...newAction(), kind: 'queue', value: 'dispatch' }]
		});
		expect(JSON.parse(record.conditions)).toEqual([{ field: 'assignee', op: 'is', value: '' }, { field: 'title', op: 'in', value: ['VPN', 'Printer'] }, { field: 'source', op: 'is', value: 'portal' }]);
	});

	it('opens a record it cannot read with its name and the reason', () => {
		const broken: RuleRecord = { id: 'x', name: 'Old rule', enabled: true, trigger: 'timer', rank: null, deletedAt: null, conditions: '[{"colour":"red"}]', actions: '[]' };
		const { draft, error } = draftOf(broken);
		expect(draft).toMatchObject({ name: 'Old rule', trigger: 'timer', conditions: [] });
		expect(error).toEqual(expect.any(String));
	});
});

const pick = ({ kind, field, op, value, minutes }: RuleDraft['conditions'][number]) =>
	kind === 'field' ? { field, op, value } : kind === 'idle' ? { kind, minutes } : { kind };
const pickAction = ({ kind, value, to, user, role, subject, body }: RuleDraft['actions'][number]) =>
	kind === 'notify' ? { kind, to, ...(to === 'user' ? { user } : to === 'role' ? { role } : {}), subject, body } : { kind, value };
