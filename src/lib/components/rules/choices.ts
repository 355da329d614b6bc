import { ROLE_LABELS, ROLES } from '#lib/domain/auth/roles.js';
import { LISTED_FIELDS, type ConditionDraft, type DraftErrors } from '#lib/domain/servicedesk/rule-form.js';
import { FIELD_LABELS, OP_LABELS, SOURCE_LABELS, TRIGGER_LABELS } from '#lib/domain/servicedesk/rule-text.js';
import type { FactField } from '#lib/domain/servicedesk/rules.js';
import { TICKET_PRIORITIES, TICKET_SOURCES } from '#lib/domain/ticket/schema.js';

/** What the rule form offers to choose from: the tenant's customers, people, queues and statuses. */
export interface RuleChoices {
	customers: { id: string; name: string }[];
	people: { userId: string; name: string }[];
	queues: { id: string; name: string }[];
	statuses: { id: string; name: string }[];
}

export type Option = { value: string; label: string };

/** What a condition or action row of the form gets besides its draft. */
export interface RowProps {
	index: number;
	choices: RuleChoices;
	/** the form's messages by path ("actions.1.user") */
	errors: DraftErrors;
	onremove: () => void;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `options`, led by a prompt (or the "none" choice) and keeping a value that is no longer offered (a deleted queue). */
function withCurrent(options: Option[], current: string, empty: string): Option[] {
	const known = current === '' || options.some((o) => o.value === current);
	return [{ value: '', label: empty }, ...(known ? [] : [{ value: current, label: `${current} (no longer exists)` }]), ...options];
}

export const TRIGGER_OPTIONS: Option[] = Object.entries(TRIGGER_LABELS).map(([value, label]) => ({ value, label }));
export const KIND_OPTIONS: Option[] = [
	{ value: 'field', label: 'A field' },
	{ value: 'open', label: 'It is open' },
	{ value: 'overdue', label: 'It is overdue (due date passed or SLA breached)' },
	{ value: 'idle', label: 'Nothing happened on it for' }
];
export const FIELD_OPTIONS: Option[] = (Object.keys(FIELD_LABELS) as FactField[]).map((value) => ({ value, label: FIELD_LABELS[value] }));
export const PRIORITY_OPTIONS: Option[] = TICKET_PRIORITIES.map((p) => ({ value: p, label: cap(p) }));
export const ROLE_OPTIONS: Option[] = ROLES.map((r) => ({ value: r, label: `Every ${ROLE_LABELS[r].toLowerCase()}` }));
export const ACTION_OPTIONS: Option[] = [
	{ value: 'assign', label: 'Assign to' },
	{ value: 'queue', label: 'Move to queue' },
	{ value: 'priority', label: 'Set priority' },
	{ value: 'status', label: 'Set status' },
	{ value: 'notify', label: 'Notify' }
];
export const RECIPIENT_OPTIONS: Option[] = [
	{ value: 'assignee', label: 'The assignee' },
	{ value: 'lead', label: 'The account’s lead tech' },
	{ value: 'user', label: 'A person' },
	{ value: 'role', label: 'Everyone with a role' },
	{ value: 'contact', label: 'The ticket’s contact (by mail)' }
];

export function opOptions(field: FactField): Option[] {
	const ops = LISTED_FIELDS.includes(field) ? (['is', 'isNot'] as const) : (['is', 'isNot', 'contains', 'in'] as const);
	return ops.map((op) => ({ value: op, label: OP_LABELS[op] }));
}

export const personOptions = (choices: RuleChoices) => choices.people.map((p) => ({ value: p.userId, label: p.name }));
export const queueOptions = (choices: RuleChoices, current: string, empty = 'Choose a queue…') => withCurrent(choices.queues.map((q) => ({ value: q.id, label: q.name })), current, empty);
export const statusOptions = (choices: RuleChoices, current: string) => withCurrent(choices.statuses.map((s) => ({ value: s.id, label: s.name })), current, 'Choose a status…');
export const assignOptions = (choices: RuleChoices, current: string) =>
	withCurrent([{ value: 'lead', label: 'The account’s lead tech' }, ...personOptions(choices)], current, 'Choose whom…');
export const userOptions = (choices: RuleChoices, current: string) => withCurrent(personOptions(choices), current, 'Choose a person…');

/** The choices for a condition's value; null when it is typed (title, class, type, alert key). */
export function valueOptions(condition: ConditionDraft, choices: RuleChoices): Option[] | null {
	const current = condition.value;
	switch (condition.field) {
		case 'customerId':
			return withCurrent(choices.customers.map((c) => ({ value: c.id, label: c.name })), current, 'Choose a customer…');
		case 'source':
			return withCurrent(TICKET_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] })), current, 'Choose a source…');
		case 'priority':
			return withCurrent(PRIORITY_OPTIONS, current, 'Choose a priority…');
		case 'status':
			return statusOptions(choices, current);
		case 'queue':
			return queueOptions(choices, current, 'None');
		case 'assignee':
			return withCurrent(personOptions(choices), current, 'Nobody');
		default:
			return null;
	}
}
