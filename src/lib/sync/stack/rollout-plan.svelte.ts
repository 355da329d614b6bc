import type { ProductUnit } from '#lib/domain/stack/catalog-list.js';
import { billableDevices, defaultRule, MAX_QUANTITY, quantityFor, rolloutLines, rolloutSummary, type QuantityRule, type RolloutLine } from '#lib/domain/stack/rollout.js';
import { parseCount } from '../contracts/inputs.js';
import { CustomerChoice } from '../customers/customer-choice.svelte.js';
import type { LocalDb } from '../db.js';
import type { RolloutItem } from './product-page.svelte.js';

/** lines in the preview at once; "Show more" reaches the rest */
const LISTED = 50;

export type Planned = { ok: true; items: RolloutItem[]; since: string | null } | { ok: false; error: string };

/**
 * The "Roll out" form: which customers (searchable, with "select all
 * matching"), how many units each (one number, or each customer's billable
 * devices for a per-device product, then changed for single customers in the
 * preview) and since when.
 */
export class RolloutPlan {
	/** which customers, searched by `choice.list.search`; a choice answers "Choose at least one customer" */
	readonly choice = new CustomerChoice(() => (this.error = ''));
	rule: QuantityRule['kind'] = $state('fixed');
	quantity = $state('1');
	since = $state('');
	devices: ReadonlyMap<string, number> | null = $state.raw(null);
	/** what was typed for single customers in the preview, by customer id */
	overrides: ReadonlyMap<string, string> = $state.raw(new Map());
	step: 'choose' | 'preview' = $state('choose');
	/** why the form cannot go on (shown beside its buttons) */
	error = $state('');
	previewShown = $state(LISTED);

	constructor(
		today: string,
		unit: ProductUnit,
		/** customer id → the quantity it runs now (see currentQuantities) */
		private readonly current: () => ReadonlyMap<string, number>
	) {
		this.since = today;
		this.rule = defaultRule(unit);
	}

	/** Follows the customers and counts their devices (browser only; call from an effect). */
	start(db: LocalDb): () => void {
		void this.countDevices(db);
		return this.choice.start();
	}

	/** what the customers run now, for the picker */
	runs(customerId: string): number | null {
		return this.current().get(customerId) ?? null;
	}

	billableDevices(customerId: string): number {
		return this.devices?.get(customerId) ?? 0;
	}

	showMorePreview(): void {
		this.previewShown += LISTED;
	}

	private async countDevices(db: LocalDb): Promise<void> {
		this.devices ??= billableDevices(await db.devices.toArray());
	}

	/** the one number for all, when that is the rule */
	private readonly fixed = $derived(parseCount(this.quantity, MAX_QUANTITY));

	private get ruleGiven(): QuantityRule | { error: string } {
		if (this.rule === 'devices') return { kind: 'devices' };
		if (!this.fixed.ok) return { error: `Quantity: ${this.fixed.error}` };
		if (this.fixed.value === null) return { error: 'Enter a quantity' };
		return { kind: 'fixed', quantity: this.fixed.value };
	}

	/** The quantity the rule gives a customer, before any change made in the preview. */
	ruleQuantity(customerId: string): number {
		const rule = this.ruleGiven;
		return 'error' in rule ? 0 : quantityFor(rule, customerId, this.devices ?? new Map());
	}

	/** the message for a quantity typed in the preview that is not one, or '' */
	overrideError(customerId: string): string {
		const typed = this.overrides.get(customerId);
		if (typed === undefined) return '';
		const parsed = parseCount(typed, MAX_QUANTITY);
		if (!parsed.ok) return parsed.error;
		return parsed.value === null ? 'Enter a quantity' : '';
	}

	private quantityOf(customerId: string): number {
		const typed = this.overrides.get(customerId);
		const parsed = typed === undefined ? null : parseCount(typed, MAX_QUANTITY);
		return parsed?.ok && parsed.value !== null ? parsed.value : this.ruleQuantity(customerId);
	}

	/** the chosen customers, by name, with what the rollout does to each */
	readonly lines: RolloutLine[] = $derived.by(() => {
		return rolloutLines(this.choice.chosenRows(), (id) => this.quantityOf(id), this.current());
	});
	readonly summary = $derived(rolloutSummary(this.lines));
	readonly previewPage = $derived(this.lines.slice(0, this.previewShown));

	setQuantity(customerId: string, text: string): void {
		this.overrides = new Map(this.overrides).set(customerId, text);
	}

	/** Goes on to the preview, or says what is missing. */
	preview(): boolean {
		const rule = this.ruleGiven;
		this.error = this.choice.chosen.size === 0 ? 'Choose at least one customer' : 'error' in rule ? rule.error : '';
		if (!this.error) this.step = 'preview';
		return !this.error;
	}

	back(): void {
		this.error = '';
		this.step = 'choose';
	}

	/** The customers and quantities to roll out to, or what is wrong. */
	plan(): Planned {
		if (!this.preview()) return { ok: false, error: this.error };
		const invalid = this.lines.find((line) => this.overrideError(line.customerId));
		if (invalid) {
			this.error = `${invalid.name}: ${this.overrideError(invalid.customerId)}`;
			return { ok: false, error: this.error };
		}
		const items = this.lines.map((line) => ({ customerId: line.customerId, name: line.name, quantity: line.quantity }));
		return { ok: true, items, since: this.since || null };
	}
}
