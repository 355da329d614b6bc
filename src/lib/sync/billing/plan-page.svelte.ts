import { liveQuery } from 'dexie';
import { countsByCustomer, isCurrent, NO_COUNTS, quantityKeys, quantityOf, quantityText, type QuantityKey } from '#lib/domain/billing/associations.js';
import type { BillingCycle } from '#lib/domain/billing/proration.js';
import type { DeviceCounts } from '#lib/domain/billing/recurring.js';
import type { ServicePlanRecord } from '#lib/domain/catalog/billing-schema.js';
import type { PlanAssociationRecord } from '#lib/domain/contracts/billing-schema.js';
import { parseCount } from '../contracts/inputs.js';
import { CustomerChoice } from '../customers/customer-choice.svelte.js';
import type { LocalDb } from '../db.js';
import type { BillingCatalog } from './billing-catalog.svelte.js';

/** A quantity of a service item as shown: how many, and whether counted or set by hand. */
export interface ShownQuantity {
	key: QuantityKey;
	/** "2 workstations" */
	text: string;
	value: number;
	counted: boolean;
}

/** A customer who has the plan, with what it bills. */
export interface Holder {
	association: PlanAssociationRecord;
	name: string;
	quantities: ShownQuantity[];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The quantities a plan bills one customer by (set by hand, else counted). */
export function shownQuantities(plan: ServicePlanRecord, association: PlanAssociationRecord, counts: DeviceCounts): ShownQuantity[] {
	return quantityKeys(plan.basis).map((key) => {
		const quantity = quantityOf(association, key, counts);
		return { key, text: quantityText(key, quantity.value), ...quantity };
	});
}

/** Billable devices and contacts of every customer, from the row index, as they change. */
export function followCounts(db: LocalDb, onchange: (counts: ReadonlyMap<string, DeviceCounts>) => void): () => void {
	const subscription = liveQuery(async () => countsByCustomer(await db.devices.toArray(), await db.contacts.toArray())).subscribe({ next: onchange });
	return () => subscription.unsubscribe();
}

/**
 * A plan's page: associate it with several customers at once (cycle, start,
 * due days, bill-to), see who has it with the quantities it bills, and
 * dissociate chosen customers on a day.
 */
export class PlanPage {
	readonly choice = new CustomerChoice(() => (this.error = ''));
	counts: ReadonlyMap<string, DeviceCounts> = $state.raw(new Map());
	cycle: BillingCycle = $state('monthly');
	startOn = $state('');
	dueDays = $state('');
	billToEmail = $state('');
	/** why Associate did nothing */
	error = $state('');
	/** associations chosen to dissociate */
	picked: ReadonlySet<string> = $state.raw(new Set());
	endOn = $state('');
	dissociateError = $state('');

	constructor(
		readonly id: string,
		readonly billing: BillingCatalog
	) {
		this.startOn = this.endOn = billing.context.today();
	}

	/** Follows the customers and their counts once the engine runs (browser only; call from an effect). */
	follow(): () => void {
		const db = this.billing.context.engine?.db;
		if (!db) return () => {};
		const stops = [this.choice.start(), followCounts(db, (counts) => (this.counts = counts))];
		return () => stops.forEach((stop) => stop());
	}

	get plan(): ServicePlanRecord | undefined {
		return this.billing.plan(this.id);
	}

	private readonly names = $derived(new Map(this.choice.list.rows.map((c) => [c.id, c.name])));

	private holdersWhere(keep: (a: PlanAssociationRecord, today: string) => boolean): Holder[] {
		const plan = this.plan;
		if (!plan) return [];
		const today = this.billing.context.today();
		return this.billing.associations
			.filter((a) => a.planId === this.id && keep(a, today))
			.map((association) => ({
				association,
				name: this.names.get(association.customerId) ?? 'A customer not synced yet',
				quantities: shownQuantities(plan, association, this.counts.get(association.customerId) ?? NO_COUNTS)
			}))
			.sort((a, b) => a.name.localeCompare(b.name) || (a.association.start ?? '').localeCompare(b.association.start ?? ''));
	}

	/** customers who have the plan now or from a later start */
	readonly holders: Holder[] = $derived(this.holdersWhere(isCurrent));
	/** the customers among the holders */
	readonly holding: ReadonlySet<string> = $derived(new Set(this.holders.map((h) => h.association.customerId)));
	/** associations that ended before today */
	readonly ended: Holder[] = $derived(this.holdersWhere((a, today) => !a.deletedAt && !isCurrent(a, today)));

	togglePicked(associationId: string): void {
		const next = new Set(this.picked);
		if (!next.delete(associationId)) next.add(associationId);
		this.picked = next;
		this.dissociateError = '';
	}

	/** Associates the plan with every chosen customer (returns how many, and who had it already), or says what is missing. */
	associate(): { added: number; skipped: string[] } | null {
		const due = parseCount(this.dueDays, 365);
		const email = this.billToEmail.trim();
		if (this.choice.chosen.size === 0) this.error = 'Choose at least one customer';
		else if (!isDate(this.startOn)) this.error = 'Choose the day the plan starts';
		else if (!due.ok) this.error = `Due days: ${due.error}`;
		else if (email && (!EMAIL.test(email) || email.length > 254)) this.error = 'Bill-to email: enter an email address, such as ap@customer.com';
		else this.error = '';
		if (this.error || !due.ok) return null;
		const customers = this.choice.chosenRows();
		const { added, already } = this.billing.associate(
			this.id,
			customers.map((c) => c.id),
			{ cycle: this.cycle, start: this.startOn, dueDays: due.value, billToEmail: email || null }
		);
		this.choice.clear();
		return { added, skipped: already.map((id) => this.names.get(id) ?? 'a customer') };
	}

	/** Ends the plan for the chosen customers on `endOn`; those not started by then are removed (returns how many of each). */
	dissociate(): { ended: number; removed: number } | null {
		const chosen = this.holders.filter((h) => this.picked.has(h.association.id));
		if (chosen.length === 0) this.dissociateError = 'Choose the customers to dissociate';
		else if (!isDate(this.endOn)) this.dissociateError = 'Choose the last day of service';
		else this.dissociateError = '';
		if (this.dissociateError) return null;
		this.picked = new Set();
		return this.billing.dissociate(
			chosen.map((h) => h.association.id),
			this.endOn
		);
	}
}
