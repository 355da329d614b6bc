import { getMeta, setMeta, type LocalDb } from '../db.js';

/** What contract pages need of the company's settings, which live in Postgres rather than a document. */
export interface Facts {
	/** ISO 4217 code money is kept in */
	currency: string | null;
	/** the company's default reminder lead times ("90 30 7"); they decide when a deadline is "soon" */
	reminderDays: string | null;
}

const KEY = 'tenantFacts';

/**
 * The company's currency and reminder lead times, from `GET /api/v1/tenant`,
 * kept in the local database so contract pages show money and statuses
 * offline as they did online.
 */
export class TenantFacts {
	facts: Facts = $state({ currency: null, reminderDays: null });

	async load(db: LocalDb): Promise<void> {
		const kept = await getMeta<Facts>(db, KEY);
		if (kept) this.facts = kept;
		if (!navigator.onLine) return;
		try {
			const response = await fetch('/api/v1/tenant');
			if (!response.ok) return;
			const { tenant } = (await response.json()) as { tenant: Facts };
			const facts = { currency: tenant.currency, reminderDays: tenant.reminderDays };
			this.facts = facts;
			// the plain object: IndexedDB cannot clone the $state proxy `this.facts` has become
			await setMeta(db, KEY, facts);
		} catch {
			// offline after all: the kept facts stand
		}
	}
}


const loaded = new WeakMap<LocalDb, TenantFacts>();

/** The facts of the signed-in person's company, loaded once per sign-in and shared by every contract page. */
export function tenantFacts(db: LocalDb): TenantFacts {
	let facts = loaded.get(db);
	if (!facts) {
		facts = new TenantFacts();
		loaded.set(db, facts);
		void facts.load(db);
	}
	return facts;
}
