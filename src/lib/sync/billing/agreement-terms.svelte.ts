import { liveQuery } from 'dexie';
import type * as Y from 'yjs';
import type { MilestoneRecord, RateOverrideRecord } from '#lib/domain/contracts/billing-schema.js';
import { newId } from '#lib/domain/customer/edits.js';
import { upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import { byName } from '#lib/domain/servicedesk/ordering.js';
import { setDeleted, updateFields } from '../contracts/edits.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';

/** The per-agreement collections of the contracts document: rate overrides and milestones. */
export type TermsCollection = 'rateOverrides' | 'milestones';

/**
 * What an agreement's billing terms need beyond its own fields: the
 * catalog's programs and roles to choose from, the customer's projects, and
 * the agreement's rate overrides and milestones, edited in the contracts
 * document (offline too).
 */
export class AgreementTerms {
	private engine: SyncEngine | null = $state.raw(null);
	/** the customer's projects, templates left out */
	projects: { id: string; name: string }[] = $state.raw([]);

	/** `contractId`: the agreement's, read when needed (the page may move to another) */
	constructor(private readonly contractId: () => string) {}

	/** Connects to the engine (browser only; call from an effect). */
	start(): () => void {
		let stopped = false;
		void useSync().then((engine) => {
			if (!stopped) this.engine = engine;
		});
		return () => (stopped = true);
	}

	/** Follows the customer's projects in the row index (call from an effect). */
	followProjects(customerId: string | null): () => void {
		const db = this.engine?.db;
		if (!db || !customerId) return () => {};
		const subscription = liveQuery(() => db.projects.where('customerId').equals(customerId).toArray()).subscribe({
			next: (rows) => (this.projects = byName(rows.filter((p) => !p.template)))
		});
		return () => subscription.unsubscribe();
	}

	get programs() {
		return byName(this.engine?.catalog.rows?.programs ?? []);
	}

	get roles() {
		return byName(this.engine?.catalog.rows?.roles ?? []);
	}

	readonly overrides: RateOverrideRecord[] = $derived(
		(this.engine?.contracts.rows?.rateOverrides ?? []).filter((o) => o.contractId === this.contractId() && !o.deletedAt).sort((a, b) => a.role.localeCompare(b.role) || a.id.localeCompare(b.id))
	);

	readonly milestones: MilestoneRecord[] = $derived(
		(this.engine?.contracts.rows?.contractMilestones ?? [])
			.filter((m) => m.contractId === this.contractId() && !m.deletedAt)
			.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id.localeCompare(b.id))
	);

	add(collection: TermsCollection, fields: PlainRecord): void {
		this.write((doc) => upsertRecord(doc, collection, newId(), { ...fields, contractId: this.contractId(), deletedAt: null }));
	}

	update(collection: TermsCollection, id: string, fields: PlainRecord): void {
		this.write((doc) => updateFields(doc, collection, id, fields));
	}

	remove(collection: TermsCollection, id: string): void {
		this.write((doc) => setDeleted(doc, collection, id, true));
	}

	private write(edit: (doc: Y.Doc) => void) {
		if (!this.engine) throw new Error('the contracts are not loaded yet');
		this.engine.contracts.transact(edit);
	}
}
