import { billableDevices, MAX_QUANTITY, quantityFor, type QuantityRule } from '#lib/domain/stack/rollout.js';
import { parseCount } from '../contracts/inputs.js';
import { CustomerList } from '../customers/customer-list.svelte.js';
import type { LocalDb } from '../db.js';
import type { RolloutItem } from './product-page.svelte.js';

/** customers listed in the picker at once; "select all matching" reaches the rest */
const LISTED = 50;

export type Planned = { ok: true; items: RolloutItem[]; since: string | null } | { ok: false; error: string };

/**
 * The "Roll out" form: which customers (searchable, with "select all
 * matching"), how many units each (a number, or each customer's billable
 * devices for a per-device product) and since when.
 */
export class RolloutPlan {
	/** every live customer of the row index, searched by `list.search` */
	readonly list = new CustomerList();
	chosen: ReadonlySet<string> = $state.raw(new Set());
	rule: QuantityRule['kind'] = $state('fixed');
	quantity = $state('1');
	since = $state('');
	devices: ReadonlyMap<string, number> | null = $state.raw(null);

	constructor(today: string) {
		this.since = today;
	}

	readonly listed = $derived(this.list.visible.slice(0, LISTED));

	toggle(customerId: string): void {
		const next = new Set(this.chosen);
		if (!next.delete(customerId)) next.add(customerId);
		this.chosen = next;
	}

	/** Adds every customer matching the search (not only those listed). */
	selectAllMatching(): void {
		this.chosen = new Set([...this.chosen, ...this.list.visible.map((c) => c.id)]);
	}

	clear(): void {
		this.chosen = new Set();
	}

	/** Counts each customer's workstations, servers and mobiles (once; they show beside each customer). */
	async countDevices(db: LocalDb): Promise<void> {
		this.devices ??= billableDevices(await db.devices.toArray());
	}

	/** The customers and quantities to roll out to, or what is missing. */
	plan(): Planned {
		if (this.chosen.size === 0) return { ok: false, error: 'Choose at least one customer' };
		let rule: QuantityRule = { kind: 'devices' };
		if (this.rule === 'fixed') {
			const parsed = parseCount(this.quantity, MAX_QUANTITY);
			if (!parsed.ok) return { ok: false, error: `Quantity: ${parsed.error}` };
			if (parsed.value === null) return { ok: false, error: 'Enter a quantity' };
			rule = { kind: 'fixed', quantity: parsed.value };
		}
		const devices = this.devices ?? new Map<string, number>();
		const items = this.list.rows
			.filter((c) => this.chosen.has(c.id))
			.map((c) => ({ customerId: c.id, name: c.name, quantity: quantityFor(rule, c.id, devices) }));
		return { ok: true, items, since: this.since || null };
	}
}
