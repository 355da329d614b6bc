import { namesById } from '#lib/domain/stack/catalog-list.js';
import { renewalsByMonth, upcomingRenewals } from '#lib/domain/stack/renewals.js';
import { activeOn, annualRunRate, moneyLines, ofCustomer, runRate, totals, totalsBy, type MoneyLine, type Totals } from '#lib/domain/stack/spend.js';
import type { StackContext } from './context.svelte.js';
import { StackRows } from './stack-rows.svelte.js';

/** bars on the per-product chart; the table lists every product */
const TOP_PRODUCTS = 12;

export interface Named extends Totals {
	name: string;
}

/**
 * The spend dashboard: money lines from the catalog, the contracts and the
 * row index, summed per vendor, category, product and month, for the whole
 * MSP or one customer.
 */
export class SpendPage {
	readonly rows = new StackRows();
	/** one customer's figures; '' for the whole MSP */
	customerId = $state('');

	constructor(readonly context: StackContext) {}

	start(): () => void {
		const engine = this.context.engine;
		return engine ? this.rows.follow(engine.db) : () => {};
	}

	get ready(): boolean {
		return this.context.catalog !== null && this.context.engine?.contracts.rows !== null && this.rows.loaded;
	}

	readonly today = $derived.by(() => this.context.today());

	private readonly allLines = $derived.by(() =>
		moneyLines({
			products: this.context.catalog?.products ?? [],
			vendorContracts: this.context.catalog?.vendorContracts ?? [],
			customerContracts: this.context.engine?.contracts.rows?.customerContracts ?? [],
			deployments: this.rows.deployments,
			counts: this.rows.counts,
			today: this.today
		})
	);

	readonly lines = $derived(this.customerId ? ofCustomer(this.allLines, this.customerId) : this.allLines);
	/** what runs today */
	readonly current = $derived(this.lines.filter((line) => activeOn(line, this.today)));
	readonly totals = $derived(totals(this.current));
	readonly annual = $derived(annualRunRate(this.totals));
	readonly months = $derived(runRate(this.lines, this.today));

	private named(lines: MoneyLine[], key: 'vendorId' | 'categoryId' | 'productId', names: Map<string, string>, none: string): Named[] {
		return totalsBy(lines, key).map(([id, sums]) => ({ name: id === null ? none : (names.get(id) ?? 'Unknown'), ...sums }));
	}

	readonly byVendor = $derived.by(() => this.named(this.current, 'vendorId', namesById(this.context.catalog?.vendors ?? []), 'No vendor (agreements)'));
	readonly byCategory = $derived.by(() => this.named(this.current, 'categoryId', namesById(this.context.catalog?.categories ?? []), 'No category'));
	/** products by revenue, biggest first (agreements and contracts listing no product belong to none) */
	readonly byProduct = $derived.by(() =>
		this.named(
			this.current.filter((line) => line.productId !== null),
			'productId',
			namesById(this.context.catalog?.products ?? []),
			''
		).sort((a, b) => b.revenue - a.revenue || b.cost - a.cost)
	);
	readonly topProducts = $derived(this.byProduct.slice(0, TOP_PRODUCTS));

	readonly renewals = $derived.by(() =>
		upcomingRenewals({
			vendorContracts: this.context.catalog?.vendorContracts ?? [],
			customerContracts: this.context.engine?.contracts.rows?.customerContracts ?? [],
			vendorNames: namesById(this.context.catalog?.vendors ?? []),
			customerNames: new Map([...this.rows.customers].map(([id, c]) => [id, c.name])),
			counts: this.rows.counts,
			today: this.today,
			settings: { reminderDays: this.context.reminderDays },
			customerId: this.customerId
		})
	);

	/** the timeline: the renewals under their months */
	readonly renewalMonths = $derived(renewalsByMonth(this.renewals));

	/** nothing has money or a renewal yet: no product deployed, no vendor contract, no agreement */
	readonly blank = $derived(this.allLines.length === 0 && this.renewals.length === 0);

	/** customers with anything to show, by name, for the filter */
	readonly customers = $derived.by(() => {
		const withMoney = new Set(this.allLines.map((line) => line.customerId));
		return this.rows.liveCustomers().filter((c) => withMoney.has(c.id));
	});
}
