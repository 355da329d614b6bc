import { projectCustomer } from '#lib/domain/customer/projection.js';
import { repackStacks } from '../packed-stacks.js';
import type { RowKind } from './kind.js';

/** A customer row carries its name lower-cased, for sorting and search. */
export function nameKey(name: unknown): string {
	return String(name ?? '').toLocaleLowerCase();
}

/** the tables a packed stack is made of (see packed-stacks.ts) */
const PACKED = ['customers', 'deployments'];

/** Customer documents: the customer, its sites, contacts, deployments and devices, and its packed stack. */
export const CUSTOMER_ROWS: RowKind = {
	kind: 'customer',
	tables: ['customers', 'sites', 'contacts', 'deployments', 'devices'],
	derived: ['stacks'],
	store: (table, row) => (table === 'customers' ? { ...row, nameKey: nameKey(row.name) } : row),
	project(docName, doc) {
		if (doc.getMap('customer').size === 0) return null;
		const { customers, sites, contacts, deployments, devices } = projectCustomer(docName, doc);
		return { customers, sites, contacts, deployments, devices };
	},
	// the packed stacks of the customers whose rows change are rewritten with them
	async afterWrite(db, written) {
		const names = new Set(PACKED.flatMap((table) => (written[table] ?? []).map((row) => row.docName)));
		await repackStacks(db, [...names]);
	}
};
