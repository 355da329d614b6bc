import { ROLE_LABELS } from '../auth/roles.js';
import type { Action, Condition, FactField, Recipient, Rule } from './rules.js';
import type { RuleRecord } from './settings.js';
import type { Op } from './rule-form.js';

/** How rules read to people: the editor's labels and the one-line summary of each rule in the list. */

export const TRIGGER_LABELS: Record<RuleRecord['trigger'], string> = {
	created: 'When a ticket is created',
	changed: 'When a ticket changes',
	timer: 'On a timer'
};

export const FIELD_LABELS: Record<FactField, string> = {
	customerId: 'Customer',
	customerClass: 'Customer class',
	source: 'Source',
	status: 'Status',
	priority: 'Priority',
	queue: 'Queue',
	assignee: 'Assignee',
	type: 'Type',
	title: 'Title',
	alertKey: 'Alert key'
};

export const OP_LABELS: Record<Op, string> = { is: 'is', isNot: 'is not', contains: 'contains', in: 'is one of' };

export const SOURCE_LABELS: Record<string, string> = { phone: 'Phone', mail: 'Mail', portal: 'Portal', alert: 'Alert', manual: 'Manual' };

/** Names for the ids rules hold; an id nobody knows (a deleted queue) reads as itself. */
export interface RuleNames {
	customer(id: string): string | null;
	person(id: string): string | null;
	queue(id: string): string | null;
	status(id: string): string | null;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function valueName(field: FactField, value: string, names: RuleNames): string {
	if (value === '') return field === 'assignee' ? 'nobody' : 'none';
	const named = field === 'customerId' ? names.customer(value) : field === 'assignee' ? names.person(value) : field === 'queue' ? names.queue(value) : field === 'status' ? names.status(value) : null;
	return named ?? (field === 'source' ? (SOURCE_LABELS[value] ?? value) : field === 'priority' ? cap(value) : `“${value}”`);
}

function conditionText(c: Condition, names: RuleNames): string {
	if ('open' in c) return 'it is open';
	if ('overdue' in c) return 'it is overdue';
	if ('idleMinutes' in c) return `nothing happened on it for ${c.idleMinutes} minute${c.idleMinutes === 1 ? '' : 's'}`;
	const values = Array.isArray(c.value) ? c.value.map((v) => valueName(c.field, v, names)).join(', ') : valueName(c.field, c.value, names);
	return `${FIELD_LABELS[c.field].toLowerCase()} ${OP_LABELS[c.op]} ${values}`;
}

export function recipientText(to: Recipient, names: RuleNames): string {
	if (to === 'assignee') return 'the assignee';
	if (to === 'lead') return 'the account’s lead tech';
	if (to === 'contact') return 'the ticket’s contact';
	if ('user' in to) return names.person(to.user) ?? 'someone who is no longer here';
	return `every ${ROLE_LABELS[to.role].toLowerCase()}`;
}

function actionText(a: Action, names: RuleNames): string {
	if ('notify' in a) return `notify ${recipientText(a.notify, names)}`;
	if ('assign' in a) return `assign to ${a.assign === 'lead' ? 'the account’s lead tech' : (names.person(a.assign) ?? 'someone who is no longer here')}`;
	if ('queue' in a) return `move to ${names.queue(a.queue) ?? a.queue}`;
	if ('priority' in a) return `set priority ${cap(a.priority)}`;
	return `set status ${names.status(a.status) ?? a.status}`;
}

/** What must hold, to follow "If": "customer is Acme and source is Portal"; null for every ticket. */
export function conditionsText(rule: Pick<Rule, 'conditions'>, names: RuleNames): string | null {
	return rule.conditions.length === 0 ? null : rule.conditions.map((c) => conditionText(c, names)).join(' and ');
}

/** What it does, to follow "Then": "assign to Joe, move to Dispatch". */
export function actionsText(rule: Pick<Rule, 'actions'>, names: RuleNames): string {
	return rule.actions.map((a) => actionText(a, names)).join(', ');
}
