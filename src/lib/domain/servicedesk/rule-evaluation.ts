import { withChanges } from './rule-facts.js';
import { firingKey, parseRule, planActions, ruleMatches, type Plan, type Rule, type TicketFacts } from './rules.js';
import type { RuleRecord } from './settings.js';

/**
 * Which rules fire on a ticket, and in what order: the decisions of the rule
 * runner that need no database (decision 019). The server gathers the facts,
 * records each firing under its key and applies the actions.
 */

/** A rule record that cannot run, and why: the editor shows it, the runner skips it. */
export interface RuleProblem {
	id: string;
	name: string;
	error: string;
}

/** The order rules run in, and the editor lists them: by rank (unranked last), then name. */
export const ruleOrder = (a: RuleRecord, b: RuleRecord): number =>
	a.rank === b.rank ? a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.rank === null ? 1 : b.rank === null ? -1 : a.rank < b.rank ? -1 : 1;

/** The rules that run, in the tenant's order (rank, then name); disabled and deleted ones never do, broken ones are reported. */
export function activeRules(records: readonly RuleRecord[]): { rules: Rule[]; problems: RuleProblem[] } {
	const rules: Rule[] = [];
	const problems: RuleProblem[] = [];
	for (const record of records.filter((r) => !r.deletedAt).sort(ruleOrder)) {
		const parsed = parseRule(record);
		if ('error' in parsed) problems.push({ id: record.id, name: record.name, error: parsed.error });
		else if (record.enabled) rules.push(parsed.rule);
	}
	return { rules, problems };
}

/** One rule firing on one ticket: what it changes and whom it tells. */
export interface Firing extends Plan {
	rule: Rule;
	ticketId: string;
	key: string;
	/** the ticket as the rule leaves it: whom "assignee", "lead" and "contact" mean */
	after: Pick<TicketFacts, 'assignee' | 'leadTechId' | 'contactId'>;
}

export interface Evaluation {
	/** 'change': the ticket was made or changed; 'timer': a scheduler tick */
	on: 'change' | 'timer';
	/** the ticket is new to the rules: its `created` rules run (once) */
	isNew: boolean;
	/** firing keys already recorded */
	fired: ReadonlySet<string>;
	done: ReadonlySet<string>;
	now: Date;
}

/**
 * A rule's own change can make another rule hold: after a pass that changed
 * something, the `changed` rules look again, at most this many passes in all.
 * Firing keys end any cycle across rounds (a state fires once).
 */
export const MAX_PASSES = 3;

function applies(rule: Rule, ev: Pick<Evaluation, 'on' | 'isNew'>, pass: number): boolean {
	if (pass > 0) return rule.trigger === 'changed';
	if (ev.on === 'timer') return rule.trigger === 'timer';
	return rule.trigger === 'changed' || (rule.trigger === 'created' && ev.isNew);
}

/**
 * The keys of the rules that hold on the ticket as it is stored: if every one
 * of them fired already, nothing can fire (a later pass needs a change first),
 * so a tick asks the database about these and plans only where one is new.
 */
export function candidateKeys(rules: readonly Rule[], facts: TicketFacts, ev: Omit<Evaluation, 'fired' | 'done'>): string[] {
	const keys: string[] = [];
	for (const rule of rules) if (applies(rule, ev, 0) && ruleMatches(rule, facts, ev.now)) keys.push(firingKey(rule, facts));
	return keys;
}

/** The firings of `rules` on one ticket, in order; each rule sees the changes of those before it. */
export function evaluateTicket(rules: readonly Rule[], facts: TicketFacts, ev: Evaluation): Firing[] {
	const firings: Firing[] = [];
	const keys = new Set<string>();
	let current = facts;
	for (let pass = 0; pass < MAX_PASSES; pass++) {
		let changed = false;
		for (const rule of rules) {
			if (!applies(rule, ev, pass) || !ruleMatches(rule, current, ev.now)) continue;
			const key = firingKey(rule, current);
			if (keys.has(key) || ev.fired.has(key)) continue;
			keys.add(key);
			const plan = planActions(rule, current);
			current = withChanges(current, plan.changes, ev.done);
			changed ||= plan.changes.length > 0;
			firings.push({ rule, ticketId: facts.ticketId, key, ...plan, after: { assignee: current.assignee, leadTechId: current.leadTechId, contactId: current.contactId } });
		}
		if (!changed) break;
	}
	return firings;
}
