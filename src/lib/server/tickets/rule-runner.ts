import { parseDocName } from '#lib/domain/documents/names.js';
import { candidateKeys, evaluateTicket, type Evaluation } from '#lib/domain/servicedesk/rule-evaluation.js';
import { ticketFacts, type RuleTicketRow } from '#lib/domain/servicedesk/rule-facts.js';
import { serverNow } from '../clock.js';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { openTicketFactRows, ticketFactRows, ticketsNewToRules } from '../repositories/rules.js';
import { firedAmong } from './fired-keys.js';
import { applyFirings, type Applied } from './rule-actions.js';
import { ruleSettings, type RuleSettings } from './rule-settings.js';

/**
 * The rule runner (decision 019): `created` and `changed` rules after each
 * materializer round, for the tickets of the round; `timer` rules on the
 * scheduler's tick, over the tenant's open tickets. Facts come from Postgres
 * rows, the rules from the tenant's stored catalog.
 */

export interface RuleRun extends Applied {
	/** tickets looked at */
	tickets: number;
}

const NONE: RuleRun = { tickets: 0, fired: 0, changed: 0, notified: 0 };

/**
 * New tickets a round left behind (its node died, or their row lagged behind
 * the document on another node) are picked up by the scheduler after ten of
 * its ticks, at most a minute.
 */
export const settledMs = () => Math.min(60_000, 10 * config().rulesTickMs);

/** After a materializer round: the rules for the round's ticket documents, tenant by tenant. A tenant that fails is logged. */
export async function runRulesAfterRound(db: Db, docs: { tenantId: string; docName: string }[]): Promise<void> {
	const byTenant = new Map<string, string[]>();
	for (const { tenantId, docName } of docs) {
		const name = parseDocName(docName);
		if (name?.kind === 'ticket') byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), name.parts[0]]);
	}
	for (const [tenantId, ids] of byTenant) {
		await runChangeRules(db, tenantId, ids, serverNow(tenantId)).catch((error) => console.error(`rules for tenant ${tenantId}:`, error));
	}
}

/** `created` rules (for tickets new to the rules) and `changed` rules on these tickets. */
export async function runChangeRules(db: Db, tenantId: string, ticketIds: string[], now: Date): Promise<RuleRun> {
	if (ticketIds.length === 0) return NONE;
	const settings = await ruleSettings(db, tenantId);
	const fresh = await ticketsNewToRules(db, tenantId, ticketIds);
	if (!settings.rules.some((r) => r.trigger !== 'timer')) {
		await applyFirings(db, tenantId, [], fresh, now);
		return NONE;
	}
	const rows = await ticketFactRows(db, tenantId, ticketIds);
	return evaluateAndApply(db, tenantId, settings, rows, { on: 'change', fresh: new Set(fresh), now });
}

/** One scheduler tick for one tenant: new tickets left behind, then `timer` rules over its open tickets. */
export async function runTimerRules(db: Db, tenantId: string, now: Date): Promise<RuleRun> {
	const left = await ticketsNewToRules(db, tenantId, null, settledMs());
	const recovered = await runChangeRules(db, tenantId, left, now);
	const settings = await ruleSettings(db, tenantId);
	if (!settings.rules.some((r) => r.trigger === 'timer')) return recovered;
	const rows = await openTicketFactRows(db, tenantId, [...settings.done]);
	return sum(recovered, await evaluateAndApply(db, tenantId, settings, rows, { on: 'timer', fresh: new Set(), now }));
}

/**
 * Finds the keys of the rules that hold on each ticket, asks the database which
 * of them fired already (one query), and plans only the tickets where one is
 * new: on a quiet tick that is one query for thousands of tickets.
 */
async function evaluateAndApply(
	db: Db,
	tenantId: string,
	settings: RuleSettings,
	rows: RuleTicketRow[],
	run: { on: Evaluation['on']; fresh: ReadonlySet<string>; now: Date }
): Promise<RuleRun> {
	const facts = rows.map((row) => ticketFacts(row, settings.desk, settings.done, run.now));
	const [known, fresh] = [false, true].map((isNew) => ({ on: run.on, done: settings.done, now: run.now, isNew }));
	const ev = (i: number) => (run.fresh.has(rows[i].id) ? fresh : known);
	const keys = facts.map((f, i) => isolated(tenantId, f.ticketId, () => candidateKeys(settings.rules, f, ev(i))));
	const fired = await firedAmong(db, tenantId, keys.flat());
	const firings = facts.flatMap((f, i) => (keys[i].some((key) => !fired.has(key)) ? isolated(tenantId, f.ticketId, () => evaluateTicket(settings.rules, f, { ...ev(i), fired })) : []));
	// a new ticket whose row was not read (not projected yet, or behind its document) keeps waiting for its created rules
	const evaluated = new Set(rows.map((row) => row.id));
	const applied = await applyFirings(db, tenantId, firings, [...run.fresh].filter((id) => evaluated.has(id)), run.now);
	return { tickets: rows.length, ...applied };
}

/** One ticket whose facts trip a rule up (say, a calendar that cannot be read) is logged and skipped; the others still run. */
function isolated<T>(tenantId: string, ticketId: string, evaluate: () => T[]): T[] {
	try {
		return evaluate();
	} catch (error) {
		console.error(`rules for tenant ${tenantId}, ticket ${ticketId}:`, error);
		return [];
	}
}

export function sum(a: RuleRun, b: RuleRun): RuleRun {
	return { tickets: a.tickets + b.tickets, fired: a.fired + b.fired, changed: a.changed + b.changed, notified: a.notified + b.notified };
}
