import { isCurrent, missingProgramPlans, type AssociationTerms } from '#lib/domain/billing/associations.js';
import type { DeviceCounts } from '#lib/domain/billing/recurring.js';
import type { ProgramRecord, ServicePlanRecord } from '#lib/domain/catalog/billing-schema.js';
import type { PlanAssociationRecord } from '#lib/domain/contracts/billing-schema.js';
import type { CustomerContractRecord } from '#lib/domain/contracts/schema.js';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { updateFields } from '../contracts/edits.js';
import { StackContext } from '../stack/context.svelte.js';
import { BillingCatalog } from './billing-catalog.svelte.js';
import { shownQuantities, type ShownQuantity } from './plan-page.svelte.js';

/** One of the customer's service items: a plan associated with them. */
export interface ServiceItem {
	association: PlanAssociationRecord;
	plan: ServicePlanRecord | undefined;
	quantities: ShownQuantity[];
}

/**
 * The Billing section of a customer's page: the program their agreements
 * name (what it brings, and its plans offered as service items), their
 * service items with the quantities they bill, and the tax regions of the
 * catalog for the profile. Reads the catalog and contracts documents, both
 * always attached.
 */
export class CustomerBilling {
	readonly context = new StackContext(() => this.timeZone());
	readonly billing = new BillingCatalog(this.context);

	constructor(
		private readonly customerId: () => string,
		private readonly timeZone: () => string,
		/** the customer's devices and contacts, counted */
		private readonly counts: () => DeviceCounts
	) {}

	start(): () => void {
		return this.context.start();
	}

	/** the customer's current agreements with the company */
	readonly agreements: CustomerContractRecord[] = $derived(
		(this.context.engine?.contracts.rows?.customerContracts ?? [])
			.filter((c) => c.customerId === this.customerId() && c.party === 'msp' && !c.deletedAt)
			.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
	);

	/** the program the agreements name (the first that names one, as billing reads it) */
	get program(): ProgramRecord | null {
		const id = this.agreements.find((a) => a.programId)?.programId;
		return (id && this.billing.all('programs').find((p) => p.id === id)) || null;
	}

	/** agreements naming another program than the first: billing uses one only */
	get programsDiffer(): boolean {
		return new Set(this.agreements.map((a) => a.programId).filter(Boolean)).size > 1;
	}

	/** Gives every current agreement of the customer this program (none: ''). */
	setProgram(programId: string): void {
		this.context.engine?.contracts.transact((doc) => {
			for (const agreement of this.agreements) updateFields(doc, 'customerContracts', agreement.id, { programId: programId || null });
		});
	}

	private readonly mine = $derived(this.billing.associations.filter((a) => a.customerId === this.customerId() && !a.deletedAt));

	private item = (association: PlanAssociationRecord): ServiceItem => {
		const plan = this.billing.plan(association.planId);
		return { association, plan, quantities: plan ? shownQuantities(plan, association, this.counts()) : [] };
	};

	private readonly ordered = $derived(
		[...this.mine].sort((a, b) => (this.billing.plan(a.planId)?.name ?? '').localeCompare(this.billing.plan(b.planId)?.name ?? '') || (a.start ?? '').localeCompare(b.start ?? ''))
	);

	/** service items the customer has now or from a later start */
	get items(): ServiceItem[] {
		const today = this.context.today();
		return this.ordered.filter((a) => isCurrent(a, today)).map(this.item);
	}

	/** service items that ended before today */
	get ended(): ServiceItem[] {
		const today = this.context.today();
		return this.ordered.filter((a) => !isCurrent(a, today)).map(this.item);
	}

	/** the program's plans the customer does not have yet */
	get missingPlans(): ServicePlanRecord[] {
		const program = this.program;
		if (!program) return [];
		return missingProgramPlans(program, this.mine, this.context.today()).flatMap((id) => this.billing.plans.filter((p) => p.id === id));
	}

	/** Adds the program's missing plans as service items from today, under the agreement naming the program. */
	addProgramPlans(): number {
		const plans = this.missingPlans;
		const contractId = this.agreements.find((a) => a.programId === this.program?.id)?.id ?? null;
		const terms = { cycle: 'monthly' as const, start: this.context.today(), dueDays: null, billToEmail: null, contractId };
		for (const plan of plans) this.billing.associate(plan.id, [this.customerId()], terms);
		return plans.length;
	}

	/** Adds a service item; false when the customer has the plan already. */
	add(planId: string, terms: AssociationTerms): boolean {
		return this.billing.associate(planId, [this.customerId()], terms).added > 0;
	}

	update(id: string, fields: PlainRecord): void {
		this.billing.updateAssociation(id, fields);
	}

	/** Ends the service item on `endOn`; one not started by then is removed (false when it ended). */
	remove(id: string, endOn: string): boolean {
		return this.billing.dissociate([id], endOn).removed > 0;
	}

	/** the regions of the catalog's tax rates, for the profile's tax region */
	get taxRegions(): string[] {
		return [...new Set(this.billing.taxRates.flatMap((r) => (r.region ? [r.region] : [])))].sort((a, b) => a.localeCompare(b));
	}
}
