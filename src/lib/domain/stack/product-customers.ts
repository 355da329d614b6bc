import type { DeploymentRow } from '../customer/projection.js';

/** A product page's customers: one row per deployment, with the customer's and site's names, sortable. */

export interface ProductCustomer {
	/** the deployment's id */
	id: string;
	customerId: string;
	customerName: string;
	quantity: number;
	since: string | null;
	siteName: string | null;
	notes: string | null;
}

export type CustomerColumn = 'customerName' | 'quantity' | 'since' | 'siteName' | 'notes';
export interface CustomerSort {
	column: CustomerColumn;
	descending: boolean;
}

type Facts = Pick<DeploymentRow, 'id' | 'customerId' | 'quantity' | 'since' | 'siteId' | 'notes' | 'deletedAt'>;

/** Live deployments of live customers, named; a customer the index does not know (yet) shows as such. */
export function productCustomers(
	deployments: readonly Facts[],
	customers: ReadonlyMap<string, { name: string; deletedAt: string | null }>,
	siteNames: ReadonlyMap<string, string>
): ProductCustomer[] {
	return deployments
		.filter((d) => !d.deletedAt && !customers.get(d.customerId)?.deletedAt)
		.map((d) => ({
			id: d.id,
			customerId: d.customerId,
			customerName: customers.get(d.customerId)?.name ?? 'Unknown customer',
			quantity: d.quantity,
			since: d.since,
			siteName: d.siteId ? (siteNames.get(d.siteId) ?? null) : null,
			notes: d.notes
		}));
}

// empty values go last whichever way the column is sorted
function compare(a: string | number | null, b: string | number | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

export function sortCustomers(rows: readonly ProductCustomer[], sort: CustomerSort): ProductCustomer[] {
	const sign = sort.descending ? -1 : 1;
	return [...rows].sort((a, b) => {
		const [x, y] = [a[sort.column], b[sort.column]];
		const primary = x === null || y === null ? compare(x, y) : sign * compare(x, y);
		return primary || a.customerName.localeCompare(b.customerName) || a.id.localeCompare(b.id);
	});
}

/** A click on a column's header: that column ascending, or the other way round when it already sorts by it. */
export function toggleSort(current: CustomerSort, column: CustomerColumn): CustomerSort {
	return current.column === column ? { column, descending: !current.descending } : { column, descending: column === 'quantity' };
}
