import type { ProductRecord } from '#lib/domain/catalog/schema.js';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { liveByName, namesById, type ProductUnit } from '#lib/domain/stack/catalog-list.js';
import { billableDevices } from '#lib/domain/stack/rollout.js';
import { times } from '#lib/domain/stack/usage.js';
import type { CustomerDoc } from '../customers/customer-doc.svelte.js';
import type { StackContext } from './context.svelte.js';
import { deploymentInput, parseDeployment, type DeploymentInput } from './deployment-form.js';

/** One deployment on a customer's stack, with its product's names and value. */
export interface StackEntry {
	id: string;
	record: PlainRecord;
	productName: string;
	vendorName: string | null;
	categoryName: string | null;
	unit: ProductUnit | null;
	quantity: number;
	since: string | null;
	siteName: string | null;
	notes: string | null;
	/** price × quantity, minor units per month */
	monthly: number;
	/** the product is no longer in the catalog (deleted, or not synced here yet) */
	productGone: boolean;
	deletedAt: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/**
 * The Stack section of a customer: the customer's deployments joined with the
 * catalog, and their edits, written into the customer's document like every
 * other change to the customer (offline first, synced on its own).
 */
export class CustomerStack {
	constructor(
		readonly customer: CustomerDoc,
		readonly context: StackContext
	) {}

	private readonly products = $derived.by(() => new Map((this.context.catalog?.products ?? []).map((p) => [p.id, p])));

	readonly entries: StackEntry[] = $derived.by(() => {
		const catalog = this.context.catalog;
		const vendors = namesById(catalog?.vendors ?? []);
		const categories = namesById(catalog?.categories ?? []);
		const sites = new Map(this.customer.sites.map((s) => [String(s.id), String(s.name)]));
		return this.customer.deployments
			.map((record) => this.entry(record, vendors, categories, sites))
			.sort((a, b) => a.productName.localeCompare(b.productName) || a.id.localeCompare(b.id));
	});

	private entry(record: PlainRecord, vendors: Map<string, string>, categories: Map<string, string>, sites: Map<string, string>): StackEntry {
		const product: ProductRecord | undefined = this.products.get(String(record.productId));
		const quantity = typeof record.quantity === 'number' ? record.quantity : 0;
		const live = product && !product.deletedAt;
		return {
			id: String(record.id),
			record,
			productName: product?.name ?? 'Unknown product',
			vendorName: product?.vendorId ? (vendors.get(product.vendorId) ?? null) : null,
			categoryName: product?.categoryId ? (categories.get(product.categoryId) ?? null) : null,
			unit: product?.unit ?? null,
			quantity,
			since: text(record.since),
			siteName: sites.get(String(record.siteId)) ?? null,
			notes: text(record.notes),
			monthly: live ? times(product.unitPrice, quantity) : 0,
			productGone: !live,
			deletedAt: text(record.deletedAt)
		};
	}

	readonly active = $derived(this.entries.filter((e) => !e.deletedAt));
	readonly removed = $derived(this.entries.filter((e) => e.deletedAt));
	readonly monthlyTotal = $derived(this.active.reduce((sum, e) => sum + e.monthly, 0));

	/** the catalog's live products by name, for the picker (a deployment's deleted product stays listed for it) */
	readonly choices = $derived.by(() => liveByName(this.context.catalog?.products ?? []));

	/** workstations, servers and mobiles: what a per-device product usually counts */
	get billableDevices(): number {
		const devices = this.customer.devices.map((d) => ({ customerId: this.customer.id, type: String(d.type), deletedAt: text(d.deletedAt) }));
		return billableDevices(devices).get(this.customer.id) ?? 0;
	}

	unitOf(productId: string): ProductUnit | null {
		return this.products.get(productId)?.unit ?? null;
	}

	/** What the form proposes for a product: a per-device product counts the customer's billable devices (one when there are none). */
	defaultQuantity(productId: string): string {
		return String(this.unitOf(productId) === 'per-device' ? this.billableDevices || 1 : 1);
	}

	/**
	 * Changes one field of a deployment as it is typed (`final` when the field
	 * is left); returns the field's error, and writes nothing then.
	 */
	update(entry: StackEntry, key: keyof DeploymentInput, value: string, final: boolean): string | undefined {
		const parsed = parseDeployment({ ...deploymentInput(entry.record, ''), [key]: value });
		const error = parsed.ok ? undefined : parsed.errors[key];
		if (error) return error;
		// text goes in as typed (trimmed when the field is left, see updateRecord): trimming each keystroke would eat the space before the next word
		this.customer.updateRecord('deployments', entry.id, { [key]: key === 'quantity' ? Number(value.trim()) : value }, final);
	}

	/** Adds (no id) or changes a deployment; returns the field errors, none when saved. */
	save(input: DeploymentInput, id?: string): Record<string, string> {
		const parsed = parseDeployment(input);
		if (!parsed.ok) return parsed.errors;
		if (id) this.customer.updateRecord('deployments', id, parsed.fields, true);
		else this.customer.addRecord('deployments', parsed.fields);
		return {};
	}

	setDeleted(id: string, deleted: boolean): void {
		this.customer.setRecordDeleted('deployments', id, deleted);
	}
}
