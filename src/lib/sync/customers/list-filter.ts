import type { LocalCustomer } from '../db.js';

export type CustomerSort = 'name' | 'status' | 'created';
export type StatusFilter = '' | 'active' | 'prospect' | 'inactive';

const STATUS_ORDER: Record<string, number> = { active: 0, prospect: 1, inactive: 2 };

const byName = (a: LocalCustomer, b: LocalCustomer) => a.nameKey.localeCompare(b.nameKey) || a.id.localeCompare(b.id);
const SORTS: Record<CustomerSort, (a: LocalCustomer, b: LocalCustomer) => number> = {
	name: byName,
	status: (a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || byName(a, b),
	// newest first: what was just added is what people look for
	created: (a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')) || byName(a, b)
};

/** The Customers list: every customer in the row index, searched, filtered and sorted in memory. */
export function filterCustomers(
	rows: LocalCustomer[],
	options: { search: string; status: StatusFilter; sort: CustomerSort; deleted: boolean }
): LocalCustomer[] {
	const needle = options.search.trim().toLocaleLowerCase();
	return rows
		.filter((row) => Boolean(row.deletedAt) === options.deleted)
		.filter((row) => !options.status || row.status === options.status)
		.filter((row) => !needle || row.nameKey.includes(needle))
		.sort(SORTS[options.sort]);
}
