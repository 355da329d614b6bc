import type * as Y from 'yjs';
import type { ProgramRecord, RoleRecord, ServicePlanRecord, TaxRateRecord } from '#lib/domain/catalog/billing-schema.js';
import { associationsFor, dissociation, type AssociationTerms } from '#lib/domain/billing/associations.js';
import type { PlanAssociationRecord } from '#lib/domain/contracts/billing-schema.js';
import { newId } from '#lib/domain/customer/edits.js';
import { upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import { byName, deleted } from '#lib/domain/servicedesk/ordering.js';
import { updateFields } from '../contracts/edits.js';
import { addCatalogRecord, setCatalogDeleted, updateCatalogRecord, type BillingCollection } from '../stack/catalog-edits.js';
import type { StackContext } from '../stack/context.svelte.js';

/** The record each billing collection of the catalog holds. */
export interface BillingRecords {
	servicePlans: ServicePlanRecord;
	programs: ProgramRecord;
	roles: RoleRecord;
	taxRates: TaxRateRecord;
}

/**
 * What billing prices by, as the browser reads and edits it: service plans,
 * programs, roles and tax rates in the catalog document, and the plans
 * associated with customers in the contracts document. Both documents are
 * always attached, so all of it works offline.
 */
export class BillingCatalog {
	constructor(readonly context: StackContext) {}

	get loaded(): boolean {
		return !!this.context.catalog && !!this.context.engine?.contracts.rows;
	}

	/** the person may change plans, programs, roles and tax rates */
	get editable(): boolean {
		return this.loaded && !this.context.readOnly;
	}

	/** the person may associate plans with customers (the contracts document) */
	get associating(): boolean {
		return this.loaded && !this.context.engine!.contracts.readOnly;
	}

	/** Every record of a collection, deleted ones too (a new name must not repeat a live one). */
	all<C extends BillingCollection>(collection: C): BillingRecords[C][] {
		return (this.context.catalog?.[collection] ?? []) as BillingRecords[C][];
	}

	deletedOf<C extends BillingCollection>(collection: C): BillingRecords[C][] {
		return deleted(this.all(collection));
	}

	readonly plans = $derived(byName(this.all('servicePlans')));
	readonly programs = $derived(byName(this.all('programs')));
	readonly roles = $derived(byName(this.all('roles')));
	readonly taxRates = $derived(byName(this.all('taxRates')));

	plan(id: string): ServicePlanRecord | undefined {
		return this.all('servicePlans').find((p) => p.id === id);
	}

	add(collection: BillingCollection, fields: PlainRecord): string {
		let id = '';
		this.context.editCatalog((doc) => (id = addCatalogRecord(doc, collection, fields)));
		return id;
	}

	update(collection: BillingCollection, id: string, fields: PlainRecord): void {
		this.context.editCatalog((doc) => updateCatalogRecord(doc, collection, id, fields));
	}

	setDeleted(collection: BillingCollection, id: string, isDeleted: boolean): void {
		this.context.editCatalog((doc) => setCatalogDeleted(doc, collection, id, isDeleted));
	}

	/** every plan association, deleted ones too */
	get associations(): PlanAssociationRecord[] {
		return this.context.engine?.contracts.rows?.planAssociations ?? [];
	}

	/** Associates the plan with each customer that does not have it now; returns the customers skipped. */
	associate(planId: string, customerIds: readonly string[], terms: AssociationTerms): { added: number; already: string[] } {
		const { add, already } = associationsFor(planId, customerIds, this.associations, terms, this.context.today());
		this.editContracts((doc) => {
			for (const association of add) upsertRecord(doc, 'planAssociations', newId(), { ...association, deletedAt: null });
		});
		return { added: add.length, already };
	}

	/** Ends the associations on `endOn`, and deletes those not started by then: how many of each. */
	dissociate(ids: readonly string[], endOn: string): { ended: number; removed: number } {
		const changes = this.associations.filter((a) => ids.includes(a.id)).map((a) => ({ id: a.id, fields: dissociation(a, endOn) }));
		this.editContracts((doc) => {
			for (const { id, fields } of changes) updateFields(doc, 'planAssociations', id, fields);
		});
		const removed = changes.filter((c) => 'deletedAt' in c.fields).length;
		return { ended: changes.length - removed, removed };
	}

	updateAssociation(id: string, fields: PlainRecord): void {
		this.editContracts((doc) => updateFields(doc, 'planAssociations', id, fields));
	}

	private editContracts(edit: (doc: Y.Doc) => void) {
		const contracts = this.context.engine?.contracts;
		if (!contracts) throw new Error('the contracts are not loaded yet');
		contracts.transact(edit);
	}
}
