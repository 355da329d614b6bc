import { docName } from '#lib/domain/documents/names.js';
import { doneStatuses, readServiceDesk, type ServiceDesk } from '#lib/domain/servicedesk/read.js';
import { activeRules, type RuleProblem } from '#lib/domain/servicedesk/rule-evaluation.js';
import type { Rule } from '#lib/domain/servicedesk/rules.js';
import type { Db } from '../db/index.js';
import { applyStored } from '../documents/stored-doc.js';
import { docFingerprint } from '../repositories/rules.js';
import { loadStoredDoc } from '../repositories/ydocs.js';

/** A tenant's service desk settings as the rule runner uses them. */
export interface RuleSettings {
	desk: ServiceDesk;
	/** enabled, valid rules in the tenant's order */
	rules: Rule[];
	/** records that fail parseRule: never run */
	problems: RuleProblem[];
	done: ReadonlySet<string>;
}

// the catalog holds the whole stack too: read it again only when it changed (a fingerprint is one small query)
const cache = new Map<string, { fingerprint: string; settings: RuleSettings }>();
const CACHED_TENANTS = 500;

/** The rules and settings of the tenant's stored catalog document (`T:catalog`). */
export async function ruleSettings(db: Db, tenantId: string): Promise<RuleSettings> {
	const name = docName(tenantId, 'catalog');
	const fingerprint = await docFingerprint(db, tenantId, name);
	const hit = cache.get(tenantId);
	if (hit?.fingerprint === fingerprint) return hit.settings;
	const doc = applyStored(await loadStoredDoc(db, tenantId, name));
	let desk: ServiceDesk;
	try {
		desk = readServiceDesk(doc);
	} finally {
		doc.destroy();
	}
	const settings = { desk, ...activeRules(desk.rules), done: doneStatuses(desk) };
	cache.delete(tenantId);
	if (cache.size >= CACHED_TENANTS) cache.delete(cache.keys().next().value!);
	cache.set(tenantId, { fingerprint, settings });
	return settings;
}
