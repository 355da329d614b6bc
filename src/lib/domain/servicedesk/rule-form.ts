import { ROLES, type Role } from '../auth/roles.js';
import { TICKET_PRIORITIES } from '../ticket/schema.js';
import { parseRule, TEMPLATE_VARIABLES, type Action, type Condition, type FactField, type Recipient } from './rules.js';
import type { RuleRecord } from './settings.js';

/**
 * The rules editor's form as plain data: a rule record's JSON conditions and
 * actions as rows of form fields, and back, with a message for each field a
 * person must fix. What it writes always passes parseRule.
 */

export type ConditionKind = 'field' | 'open' | 'overdue' | 'idle';
export type Op = 'is' | 'isNot' | 'contains' | 'in';

/** One condition row; the fields its kind does not use keep their last value (switching back restores it). */
export interface ConditionDraft {
	kind: ConditionKind;
	field: FactField;
	op: Op;
	/** the value; for "is one of", the values separated by commas */
	value: string;
	minutes: string;
}

export type ActionKind = 'assign' | 'queue' | 'priority' | 'status' | 'notify';
export type NotifyTo = 'assignee' | 'lead' | 'contact' | 'user' | 'role';

export interface ActionDraft {
	kind: ActionKind;
	/** assign: a person's id or "lead"; queue, status: an id; priority: a priority */
	value: string;
	to: NotifyTo;
	user: string;
	role: Role;
	subject: string;
	body: string;
}

export interface RuleDraft {
	name: string;
	trigger: RuleRecord['trigger'];
	conditions: ConditionDraft[];
	actions: ActionDraft[];
}

/** The fields a value comes from a list for: the form offers a choice, and only "is" / "is not". */
export const LISTED_FIELDS: readonly FactField[] = ['customerId', 'source', 'status', 'priority', 'queue', 'assignee'];
/** Listed fields where no value is a value: "assignee is nobody", "queue is none". */
const MAY_BE_EMPTY: readonly FactField[] = ['assignee', 'queue'];

export const newCondition = (): ConditionDraft => ({ kind: 'field', field: 'customerId', op: 'is', value: '', minutes: '10' });
export const newAction = (): ActionDraft => ({ kind: 'assign', value: '', to: 'assignee', user: '', role: 'dispatcher', subject: '', body: '' });
export const emptyDraft = (): RuleDraft => ({ name: '', trigger: 'created', conditions: [], actions: [newAction()] });

function conditionDraft(c: Condition): ConditionDraft {
	const base = newCondition();
	if ('field' in c) return { ...base, field: c.field, op: c.op, value: Array.isArray(c.value) ? c.value.join(', ') : c.value };
	if ('idleMinutes' in c) return { ...base, kind: 'idle', minutes: String(c.idleMinutes) };
	return { ...base, kind: 'overdue' in c ? 'overdue' : 'open' };
}

function actionDraft(a: Action): ActionDraft {
	const base = newAction();
	if (!('notify' in a)) {
		const [kind, value] = Object.entries(a)[0] as [Exclude<ActionKind, 'notify'>, string];
		return { ...base, kind, value };
	}
	const to = a.notify;
	const target = typeof to === 'string' ? { to } : 'user' in to ? { to: 'user' as const, user: to.user } : { to: 'role' as const, role: to.role };
	return { ...base, kind: 'notify', ...target, subject: a.subject ?? '', body: a.body ?? '' };
}

/**
 * The form for a stored rule. A record that cannot be read keeps its name and
 * trigger, starts with one empty action, and says why it could not be read.
 */
export function draftOf(record: RuleRecord): { draft: RuleDraft; error: string | null } {
	const parsed = parseRule(record);
	if ('error' in parsed) return { draft: { ...emptyDraft(), name: record.name, trigger: record.trigger }, error: parsed.error };
	const { rule } = parsed;
	return { draft: { name: rule.name, trigger: rule.trigger, conditions: rule.conditions.map(conditionDraft), actions: rule.actions.map(actionDraft) }, error: null };
}

export type DraftErrors = Record<string, string>;

const unknownVariable = (template: string) =>
	[...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]).find((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name));

function conditionOf(c: ConditionDraft, at: string, trigger: RuleDraft['trigger'], errors: DraftErrors): Condition | null {
	if (c.kind === 'open') return { open: true };
	if (c.kind === 'overdue') return { overdue: true };
	if (c.kind === 'idle') {
		const minutes = Number(c.minutes.trim());
		if (trigger !== 'timer') errors[`${at}.kind`] = 'Idle time is checked by the timer: choose “On a timer” as the trigger';
		else if (!Number.isInteger(minutes) || minutes < 1 || minutes > 525_600) errors[`${at}.minutes`] = 'Enter whole minutes, from 1 to 525,600 (a year)';
		return { idleMinutes: minutes };
	}
	const listed = LISTED_FIELDS.includes(c.field);
	const op = listed && (c.op === 'contains' || c.op === 'in') ? 'is' : c.op;
	if (op === 'in') {
		const values = c.value.split(',').map((v) => v.trim()).filter(Boolean);
		if (values.length === 0) errors[`${at}.value`] = 'List one or more values, separated by commas';
		return { field: c.field, op, value: values };
	}
	const value = c.value.trim();
	if (value === '' && !MAY_BE_EMPTY.includes(c.field)) errors[`${at}.value`] = listed ? 'Choose a value' : 'Enter a value';
	else if (value.length > 500) errors[`${at}.value`] = 'Keep the value under 500 characters';
	return { field: c.field, op, value };
}

function recipientOf(a: ActionDraft, at: string, errors: DraftErrors): Recipient {
	if (a.to === 'user') {
		if (!a.user) errors[`${at}.user`] = 'Choose whom to notify';
		return { user: a.user };
	}
	if (a.to === 'role') {
		if (!(ROLES as readonly string[]).includes(a.role)) errors[`${at}.role`] = 'Choose a role';
		return { role: a.role };
	}
	return a.to;
}

function actionOf(a: ActionDraft, at: string, errors: DraftErrors): Action {
	if (a.kind === 'notify') {
		const notify = recipientOf(a, at, errors);
		for (const part of ['subject', 'body'] as const) {
			const unknown = unknownVariable(a[part]);
			if (unknown !== undefined) errors[`${at}.${part}`] = `{{${unknown}}} is not a variable; use ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`;
		}
		if (a.subject.length > 500) errors[`${at}.subject`] = 'Keep the subject under 500 characters';
		if (a.body.length > 10_000) errors[`${at}.body`] = 'Keep the message under 10,000 characters';
		return { notify, ...(a.subject.trim() ? { subject: a.subject.trim() } : {}), ...(a.body.trim() ? { body: a.body.trim() } : {}) };
	}
	const value = a.value.trim();
	if (a.kind === 'priority' && !(TICKET_PRIORITIES as readonly string[]).includes(value)) errors[`${at}.value`] = 'Choose a priority';
	else if (value === '') errors[`${at}.value`] = a.kind === 'assign' ? 'Choose whom to assign' : `Choose a ${a.kind}`;
	return { [a.kind]: value } as Action;
}

/** The record fields of a filled-in form, or a message for each field to fix (`form` when the whole rule is wrong). */
export function ruleFields(draft: RuleDraft): { fields: Pick<RuleRecord, 'name' | 'trigger' | 'conditions' | 'actions'> } | { errors: DraftErrors } {
	const errors: DraftErrors = {};
	const name = draft.name.trim();
	if (name === '') errors.name = 'A rule needs a name';
	else if (name.length > 200) errors.name = 'Keep the name under 200 characters';
	const conditions = draft.conditions.map((c, i) => conditionOf(c, `conditions.${i}`, draft.trigger, errors));
	if (draft.actions.length === 0) errors.actions = 'Add at least one action';
	const actions = draft.actions.map((a, i) => actionOf(a, `actions.${i}`, errors));
	if (Object.keys(errors).length > 0) return { errors };
	const fields = { name, trigger: draft.trigger, conditions: JSON.stringify(conditions), actions: JSON.stringify(actions) };
	const check = parseRule({ id: 'check', enabled: true, rank: null, deletedAt: null, ...fields });
	return 'error' in check ? { errors: { form: check.error } } : { fields };
}
