import { toCsv } from '#lib/domain/import/export.js';
import {
	CONTACT_EXPORT_COLUMNS,
	CONTRACT_EXPORT_COLUMNS,
	CUSTOMER_EXPORT_COLUMNS,
	STACK_EXPORT_COLUMNS
} from '#lib/domain/import/export-columns.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import { todayIn } from '#lib/domain/today.js';
import { contactExportRows, contractExportRows, customerExportRows, stackExportRows } from './export-rows.js';
import { saveCsv } from '../save-file.js';

export type ExportKind = 'customers' | 'contacts' | 'stack' | 'contracts';

export const EXPORT_KINDS: readonly { id: ExportKind; label: string; hint: string }[] = [
	{ id: 'customers', label: 'Customers', hint: 'One row per customer with its first location and contact, in ITFlow’s client template: it imports again as it is.' },
	{ id: 'contacts', label: 'Contacts', hint: 'Every contact with the customer it belongs to.' },
	{ id: 'stack', label: 'Stack', hint: 'Which products each customer runs, how many, with vendor, category and monthly value.' },
	{ id: 'contracts', label: 'Contracts', hint: 'Customer and vendor contracts with renewal dates and notice deadlines.' }
];

/**
 * Downloads CSV exports built in the browser from the row index (IndexedDB)
 * and the shared catalog and contracts documents, so they work offline.
 */
export class Exporter {
	/** the export being built */
	busy: ExportKind | null = $state(null);
	message = $state('');
	private sync: SyncEngine | null = $state.raw(null);

	constructor(private readonly timeZone: () => string | undefined) {}

	/** Resolves the sync engine (browser only; call from an effect). */
	start(): () => void {
		let stopped = false;
		void useSync().then((engine) => {
			if (!stopped) this.sync = engine;
		});
		return () => (stopped = true);
	}

	/** Why an export cannot be made yet, or null when it can. */
	waiting(kind: ExportKind): string | null {
		if (!this.sync) return 'Loading…';
		if (kind === 'stack' && !this.sync.catalog.rows) return 'Waiting for the catalog to load…';
		if (kind === 'contracts' && !(this.sync.catalog.rows && this.sync.contracts.rows)) return 'Waiting for the contracts to load…';
		return null;
	}

	async download(kind: ExportKind): Promise<void> {
		const engine = this.sync;
		if (!engine || this.busy) return;
		this.busy = kind;
		try {
			const today = todayIn(this.timeZone());
			const name = `${kind}-${today}.csv`;
			saveCsv(name, await csvOf(kind, engine, today));
			this.message = `${name} downloaded.`;
		} catch (error) {
			this.message = `The export could not be made: ${error instanceof Error ? error.message : String(error)}`;
		} finally {
			this.busy = null;
		}
	}
}

async function csvOf(kind: ExportKind, engine: SyncEngine, today: string): Promise<string> {
	const { db } = engine;
	const customers = await db.customers.toArray();
	const catalog = engine.catalog.rows;
	switch (kind) {
		case 'customers':
			return toCsv(customerExportRows(customers, await db.sites.toArray(), await db.contacts.toArray()), CUSTOMER_EXPORT_COLUMNS);
		case 'contacts':
			return toCsv(contactExportRows(customers, await db.sites.toArray(), await db.contacts.toArray()), CONTACT_EXPORT_COLUMNS);
		case 'stack':
			return toCsv(stackExportRows(customers, await db.deployments.toArray(), loaded(catalog)), STACK_EXPORT_COLUMNS);
		case 'contracts':
			return toCsv(contractExportRows(customers, loaded(engine.contracts.rows).customerContracts, loaded(catalog), today), CONTRACT_EXPORT_COLUMNS);
	}
}

function loaded<P>(rows: P | null): P {
	if (!rows) throw new Error('the shared documents have not loaded yet');
	return rows;
}
