import { liveQuery } from 'dexie';
import type * as Y from 'yjs';
import type { RateOverrideRecord } from '#lib/domain/contracts/billing-schema.js';
import { newId } from '#lib/domain/customer/edits.js';
import { upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import { byName } from '#lib/domain/servicedesk/ordering.js';
import { setDeleted, updateFields } from '../contracts/edits.js';
import type { LocalDb } from '../db.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';

/** A milestone task of a project under the agreement: what a fixed price is invoiced by. */
export interface AgreementMilestone {
	id: string;
	projectId: string;
	projectName: string;
	title: string;
	due: string | null;
	fixedPrice: number | null;
	completedAt: string | null;
}

/** The customer's projects that name this agreement as their contract, and their milestone tasks, from the row index. */
async function projectsUnder(db: LocalDb, customerId: string, contractId: string) {
	const projects = byName((await db.projects.where('customerId').equals(customerId).toArray()).filter((p) => p.contractId === contractId && !p.template));
	const names = new Map(projects.map((p) => [p.id, p.name]));
	const tasks = await db.tasks.where('projectId').anyOf([...names.keys()]).toArray();
	const milestones = tasks
		.filter((t) => t.milestone && !t.deletedAt)
		.map((t): AgreementMilestone => ({ id: t.id, projectId: t.projectId, projectName: names.get(t.projectId) ?? '', title: t.title, due: t.due, fixedPrice: t.fixedPrice, completedAt: t.completedAt }))
		.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title));
	return { projects: projects.map((p) => ({ id: p.id, name: p.name })), milestones };
}

/**
 * What an agreement's billing terms need beyond its own fields: the
 * catalog's programs and roles to choose from, its rate overrides (edited in
 * the contracts document, offline too), and for a fixed price the projects
 * under it with their milestones.
 */
export class AgreementTerms {
	private engine: SyncEngine | null = $state.raw(null);
	/** the customer's projects that name this agreement */
	projects: { id: string; name: string }[] = $state.raw([]);
	milestones: AgreementMilestone[] = $state.raw([]);

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

	/** Follows the projects under the agreement in the row index (call from an effect). */
	followProjects(customerId: string, contractId: string): () => void {
		const db = this.engine?.db;
		if (!db) return () => {};
		const subscription = liveQuery(() => projectsUnder(db, customerId, contractId)).subscribe({
			next: (found) => {
				this.projects = found.projects;
				this.milestones = found.milestones;
			}
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

	addOverride(fields: PlainRecord): void {
		this.write((doc) => upsertRecord(doc, 'rateOverrides', newId(), { ...fields, contractId: this.contractId(), deletedAt: null }));
	}

	updateOverride(id: string, fields: PlainRecord): void {
		this.write((doc) => updateFields(doc, 'rateOverrides', id, fields));
	}

	removeOverride(id: string): void {
		this.write((doc) => setDeleted(doc, 'rateOverrides', id, true));
	}

	private write(edit: (doc: Y.Doc) => void) {
		if (!this.engine) throw new Error('the contracts are not loaded yet');
		this.engine.contracts.transact(edit);
	}
}
