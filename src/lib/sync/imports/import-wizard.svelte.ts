import type { LocalDb } from '../db.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import { CustomerList } from '../customers/customer-list.svelte.js';
import { followBatch, pullChanges, startImport, type ImportBatch } from './api.js';
import { fileProblem, importKind, readAs, type ImportKind, type ImportKindId } from './kinds.js';
import { buildPreview, recordKey, rowsToSend, type Preview, type PreviewContext } from './preview.js';

export type WizardStep = 'what' | 'file' | 'preview' | 'import';

/** Where contacts, locations and assets go: the customer each row names, or one customer for the whole file. */
export type Placement = 'column' | 'customer';

/** The row-index table holding what each kind of import adds to a customer. */
const RECORD_TABLES = { contacts: 'contacts', locations: 'sites', assets: 'devices' } as const satisfies Partial<Record<ImportKindId, keyof LocalDb>>;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The import wizard: what to import, the file, the preview (worked out here,
 * offline too) and the import itself, which the server runs while this polls
 * its progress. The same file that was previewed is uploaded.
 */
export class ImportWizard {
	step: WizardStep = $state('what');
	kindId: ImportKindId = $state('customers');
	placement: Placement = $state('column');
	customerId: string | null = $state(null);
	/** the customers to pick from, searchable */
	readonly customers = new CustomerList();
	file: File | null = $state.raw(null);
	/** why the file has no preview: too large, unreadable, the wrong columns */
	fileError = $state('');
	reading = $state(false);
	preview: Preview | null = $state.raw(null);
	batch: ImportBatch | null = $state.raw(null);
	importError = $state('');
	private sync: SyncEngine | null = $state.raw(null);
	private stopped = false;

	/** `onfinished` hears of every import that ended, for the history to show it */
	constructor(private readonly onfinished: () => void) {}

	get kind(): ImportKind {
		return importKind(this.kindId);
	}

	get needsCustomer(): boolean {
		return this.kind.perCustomer && this.placement === 'customer';
	}

	get customerName(): string | null {
		return this.customers.rows.find((row) => row.id === this.customerId)?.name ?? null;
	}

	/** the first step is complete */
	get chosen(): boolean {
		return !this.needsCustomer || this.customerName !== null;
	}

	/** share of the rows the server has handled, 0 to 1 */
	get progress(): number {
		const batch = this.batch;
		if (!batch) return 0;
		if (batch.status !== 'running') return 1;
		return batch.total === 0 ? 0 : Math.min(1, batch.done / batch.total);
	}

	get running(): boolean {
		return this.step === 'import' && (this.batch === null || this.batch.status === 'running') && this.importError === '';
	}

	/** Follows the row index (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		const stopList = this.customers.start();
		void useSync().then((engine) => (this.sync = engine));
		return () => {
			this.stopped = true;
			stopList();
		};
	}

	choose(kind: ImportKindId): void {
		this.kindId = kind;
		this.clearFile();
	}

	next(): void {
		if (this.step === 'what' && this.chosen) this.step = 'file';
	}

	back(): void {
		if (this.step === 'preview') this.step = 'file';
		else if (this.step === 'file') this.step = 'what';
		this.clearFile();
	}

	/** Starts over after an import, or to import something else. */
	restart(): void {
		this.step = 'what';
		this.batch = null;
		this.importError = '';
		this.clearFile();
	}

	async chooseFile(file: File): Promise<void> {
		this.clearFile();
		this.file = file;
		this.fileError = fileProblem(file) ?? '';
		if (this.fileError) return;
		this.reading = true;
		try {
			const result = readAs(await file.text(), this.kind);
			if (result.fileError !== null) this.fileError = result.fileError;
			else this.preview = buildPreview(result, await this.context());
			if (this.preview) this.step = 'preview';
		} catch (error) {
			this.fileError = `${file.name} could not be read: ${message(error)}`;
		} finally {
			this.reading = false;
		}
	}

	/** Uploads the previewed file and follows the import to its end. */
	async runImport(): Promise<void> {
		const { file, preview } = this;
		if (!file || !preview || rowsToSend(preview.counts) === 0) return;
		this.importError = '';
		this.batch = null;
		this.step = 'import';
		try {
			const started = await startImport(file, { template: preview.template, customerId: this.needsCustomer ? this.customerId : null });
			this.batch = started;
			await followBatch(started, (batch) => (this.batch = batch), () => this.stopped);
			const engine = this.sync;
			if (engine) void pullChanges(() => engine.pull());
			this.onfinished();
		} catch (error) {
			this.importError = message(error);
			// nothing started: back to the preview, which still holds
			if (!this.batch) this.step = 'preview';
		}
	}

	private clearFile() {
		this.file = null;
		this.fileError = '';
		this.preview = null;
	}

	/** What the preview needs to know of the tenant's data, read from the row index. */
	private async context(): Promise<PreviewContext> {
		const { db } = this.sync ?? (await useSync());
		const customers = (await db.customers.toArray()).filter((row) => !row.deletedAt);
		const existing = new Set<string>();
		if (this.kindId !== 'customers') {
			for (const row of await db[RECORD_TABLES[this.kindId]].toArray()) {
				if (!row.deletedAt) existing.add(recordKey(row.customerId, row.name));
			}
		}
		return { customers, chosenCustomerId: this.needsCustomer ? this.customerId : null, existing };
	}
}
