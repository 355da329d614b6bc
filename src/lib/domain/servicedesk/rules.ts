import { z } from 'zod';
import type { WorkflowField } from '../ticket/events.js';
import type { RuleRecord } from './settings.js';

/**
 * Workflow and escalation rules: when a ticket is created, changes, or a timer
 * looks at it, conditions on its facts decide; actions set workflow fields
 * (written as events "by rule: NAME") and notify people. Pure: the server's
 * rule runner gathers the facts, applies the plan, and remembers what fired.
 */

const FIELDS = ['source', 'customerId', 'customerClass', 'status', 'priority', 'queue', 'assignee', 'type', 'title', 'alertKey'] as const;
export type FactField = (typeof FIELDS)[number];

const text = z.string().max(500);
export const conditionSchema = z.union([
	z.strictObject({ field: z.enum(FIELDS), op: z.enum(['is', 'isNot', 'contains']), value: text }),
	z.strictObject({ field: z.enum(FIELDS), op: z.literal('in'), value: z.array(text).max(200) }),
	/** the due date has passed, or the resolution target is breached */
	z.strictObject({ overdue: z.literal(true) }),
	/** nothing happened on it for this long, and it is not done */
	z.strictObject({ idleMinutes: z.number().int().min(1).max(60 * 24 * 365) }),
	/** its status is not a done one */
	z.strictObject({ open: z.literal(true) })
]);

/** Who a notification goes to: the assignee, the account's lead tech, a person, everyone with a role, or the ticket's contact. */
export const recipientSchema = z.union([
	z.enum(['assignee', 'lead', 'contact']),
	z.strictObject({ user: z.string().min(1).max(64) }),
	z.strictObject({ role: z.enum(['owner', 'admin', 'dispatcher', 'technician', 'billing']) })
]);

export const actionSchema = z.union([
	/** a person's id, or "lead" for the account's lead tech */
	z.strictObject({ assign: z.string().min(1).max(64) }),
	z.strictObject({ queue: z.string().min(1).max(200) }),
	z.strictObject({ priority: z.enum(['low', 'normal', 'high', 'critical']) }),
	z.strictObject({ status: z.string().min(1).max(200) }),
	z.strictObject({ notify: recipientSchema, subject: text.optional(), body: z.string().max(10_000).optional() })
]);

export type Condition = z.infer<typeof conditionSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Recipient = z.infer<typeof recipientSchema>;

export interface Rule {
	id: string;
	name: string;
	trigger: RuleRecord['trigger'];
	conditions: Condition[];
	actions: Action[];
}

/** Why a list of conditions or actions cannot be read, in words an admin can act on ("action 2: not an action the rules know"). */
function problemOf(error: unknown, noun: 'condition' | 'action'): string {
	if (!(error instanceof z.ZodError)) return `the ${noun}s are not valid JSON`;
	return error.issues
		.map((issue) => {
			const [index, ...rest] = issue.path;
			const where = typeof index === 'number' ? `${noun} ${index + 1}${rest.length > 0 ? ` (${rest.join('.')})` : ''}` : `${noun}s`;
			return `${where}: ${issue.code === 'invalid_union' ? `not a${noun === 'action' ? 'n' : ''} ${noun} the rules know` : issue.message}`;
		})
		.join('; ');
}

function parseList<S extends z.ZodType>(json: string, schema: S, noun: 'condition' | 'action'): { value: z.infer<S> } | { error: string } {
	try {
		return { value: schema.parse(JSON.parse(json)) };
	} catch (error) {
		return { error: problemOf(error, noun) };
	}
}

/** A rule record as the runner uses it, or why it cannot be (it is then never run). */
export function parseRule(record: RuleRecord): { rule: Rule } | { error: string } {
	const conditions = parseList(record.conditions, z.array(conditionSchema).max(50), 'condition');
	const actions = parseList(record.actions, z.array(actionSchema).min(1, 'a rule needs an action').max(20), 'action');
	const errors = ['error' in conditions ? conditions.error : '', 'error' in actions ? actions.error : ''].filter(Boolean);
	if (errors.length > 0 || !('value' in conditions) || !('value' in actions)) return { error: errors.join('; ') };
	return { rule: { id: record.id, name: record.name, trigger: record.trigger, conditions: conditions.value, actions: actions.value } };
}

/** What the rules look at: the ticket's current values and its customer. */
export interface TicketFacts {
	ticketId: string;
	number: number | null;
	title: string;
	source: string;
	customerId: string | null;
	customerName: string | null;
	customerClass: string | null;
	/** the account's lead technician (a user id) */
	leadTechId: string | null;
	contactId: string | null;
	type: string | null;
	alertKey: string | null;
	status: string | null;
	priority: string | null;
	queue: string | null;
	assignee: string | null;
	dueDate: string | null;
	lastActivityAt: string | null;
	/** the status is a done one */
	done: boolean;
	/** the resolution target is breached */
	slaBreached: boolean;
}

function fieldMatches(value: string | null, op: 'is' | 'isNot' | 'contains' | 'in', wanted: string | string[]): boolean {
	const v = (value ?? '').toLocaleLowerCase();
	const norm = (w: string) => w.toLocaleLowerCase();
	switch (op) {
		case 'is':
			return v === norm(wanted as string);
		case 'isNot':
			return v !== norm(wanted as string);
		case 'contains':
			return v.includes(norm(wanted as string));
		case 'in':
			return (wanted as string[]).some((w) => v === norm(w));
	}
}

function holds(condition: Condition, facts: TicketFacts, now: Date): boolean {
	if ('field' in condition) return fieldMatches(facts[condition.field], condition.op, condition.value);
	if ('open' in condition) return !facts.done;
	if ('overdue' in condition) return !facts.done && (facts.slaBreached || (facts.dueDate !== null && facts.dueDate < now.toISOString().slice(0, 10)));
	const since = facts.lastActivityAt ? Date.parse(facts.lastActivityAt) : 0;
	return !facts.done && now.getTime() - since >= condition.idleMinutes * 60_000;
}

/** Whether every condition of the rule holds for the ticket now. */
export function ruleMatches(rule: Rule, facts: TicketFacts, now: Date): boolean {
	return rule.conditions.every((condition) => holds(condition, facts, now));
}

/**
 * What makes one firing of a rule on a ticket: a rule fires once for each
 * distinct state of what it looks at. Created rules fire once per ticket; an
 * idle rule again after new activity; others when the fields they test change.
 */
export function firingKey(rule: Rule, facts: TicketFacts): string {
	if (rule.trigger === 'created') return `${rule.id}:${facts.ticketId}`;
	const state = rule.conditions.map((c) => ('field' in c ? facts[c.field] : 'idleMinutes' in c ? facts.lastActivityAt : 'overdue' in c ? 'overdue' : 'open'));
	return `${rule.id}:${facts.ticketId}:${JSON.stringify(state)}`;
}

export interface Plan {
	/** workflow changes to write, only those that change something */
	changes: { field: WorkflowField; value: string }[];
	/** rendered with the ticket as the rule leaves it (a new priority shows as the new one) */
	notifications: { to: Recipient; subject: string; body: string }[];
}

const FIELD_OF: Record<string, WorkflowField> = { assign: 'assignee', queue: 'queue', priority: 'priority', status: 'status' };

/** The rule's actions for this ticket: the field changes (in order, later ones winning) and the notifications. */
export function planActions(rule: Rule, facts: TicketFacts): Plan {
	const current: Record<WorkflowField, string | null> = { status: facts.status, priority: facts.priority, queue: facts.queue, assignee: facts.assignee };
	const changes = new Map<WorkflowField, string>();
	const wanted: Extract<Action, { notify: Recipient }>[] = [];
	for (const action of rule.actions) {
		if ('notify' in action) {
			wanted.push(action);
			continue;
		}
		const [key, raw] = Object.entries(action)[0] as [string, string];
		const value = key === 'assign' && raw === 'lead' ? facts.leadTechId : raw;
		if (value) changes.set(FIELD_OF[key], value);
	}
	for (const [field, value] of changes) if (current[field] === value) changes.delete(field);
	const after: RenderFacts = { ...renderFacts(facts), priority: changes.get('priority') ?? facts.priority, status: changes.get('status') ?? facts.status };
	const notifications = wanted.map((action) => ({
		to: action.notify,
		subject: render(action.subject ?? DEFAULT_SUBJECT, after, rule),
		body: render(action.body ?? DEFAULT_BODY, after, rule)
	}));
	return { changes: [...changes].map(([field, value]) => ({ field, value })), notifications };
}

/** What a notification says when the rule gives no subject or body of its own. */
export const DEFAULT_SUBJECT = 'Ticket {{ticket.number}}: {{ticket.title}}';
export const DEFAULT_BODY = '{{rule}}: {{ticket.title}} ({{customer.name}}), priority {{ticket.priority}}.';

/** The variables a template may use. */
export const TEMPLATE_VARIABLES = ['ticket.number', 'ticket.title', 'ticket.priority', 'ticket.status', 'customer.name', 'rule'] as const;

type RenderFacts = Pick<TicketFacts, 'number' | 'title' | 'priority' | 'status' | 'customerName'>;
const renderFacts = ({ number, title, priority, status, customerName }: TicketFacts): RenderFacts => ({ number, title, priority, status, customerName });

/** Fills {{ticket.number}}, {{ticket.title}}, {{ticket.priority}}, {{ticket.status}}, {{customer.name}} and {{rule}}. */
export function render(template: string, facts: RenderFacts, rule?: Pick<Rule, 'name'>): string {
	const vars: Record<(typeof TEMPLATE_VARIABLES)[number], string> = {
		'ticket.number': facts.number === null ? '(new)' : `T-${facts.number}`,
		'ticket.title': facts.title,
		'ticket.priority': facts.priority ?? '',
		'ticket.status': facts.status ?? '',
		'customer.name': facts.customerName ?? 'no customer',
		rule: rule?.name ?? ''
	};
	return template.replace(/\{\{\s*([a-z.]+)\s*\}\}/g, (whole, name: string) => (vars as Record<string, string>)[name] ?? whole);
}
