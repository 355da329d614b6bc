import { liveQuery } from 'dexie';
import type * as Y from 'yjs';
import type { ProductRecord, VendorContractRecord, VendorRecord } from '#lib/domain/catalog/schema.js';
import type { AttachmentRecord, CustomerContractRecord } from '#lib/domain/contracts/schema.js';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { newId } from '#lib/domain/customer/edits.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import type { SharedDoc } from '../shared-doc.svelte.js';
import { uploadQueue, type UploadState } from '../uploads/queue.svelte.js';
import { attachFiles } from '../uploads/attach.js';
import { addAttachment, createContract, setDeleted, updateFields, type ContractCollection } from './edits.js';
import { todayIn } from '#lib/domain/today.js';
import { filterContracts, listCustomerContract, listVendorContract, type Listed } from './listing.js';
import { tenantFacts, type Facts } from './tenant-facts.svelte.js';

/** Customer contracts live in `T:contracts`; the MSP's own vendor contracts in `T:catalog`. */
export type ContractKind = 'customer' | 'vendor';
export type ContractRecord = CustomerContractRecord | VendorContractRecord;

const COLLECTION: Record<ContractKind, ContractCollection> = { customer: 'customerContracts', vendor: 'vendorContracts' };

/**
 * The contracts of one kind with what their pages need: the live records of
 * the shared document, the customers or vendors they belong to, the company's
 * currency and reminder lead times, and the edits (contracts, attachments).
 * Edits go into the Y.Doc, which saves and syncs on its own; nothing waits for the network.
 */
export class ContractBook {
	private engine: SyncEngine | null = $state.raw(null);
	private customerRows: { id: string; name: string; deletedAt: string | null }[] = $state.raw([]);
	/** the company's date, which deadlines count from */
	readonly today: string;

	constructor(
		readonly kind: ContractKind,
		timeZone: string
	) {
		this.today = todayIn(timeZone);
		this.names = $derived(
			new Map((kind === 'customer' ? this.customerRows : (this.engine?.catalog.rows?.vendors ?? [])).map((p) => [p.id, p.name]))
		);
		this.listed = $derived.by(() => {
			const context = { today: this.today, settings: { reminderDays: this.facts.reminderDays }, names: this.names };
			return kind === 'customer'
				? (this.records as CustomerContractRecord[]).map((c) => listCustomerContract(c, context))
				: (this.records as VendorContractRecord[]).map((c) => listVendorContract(c, context));
		});
	}

	/** Connects to the sync engine (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stopped = false;
		let unsubscribe = () => {};
		void useSync().then((engine) => {
			if (stopped) return;
			// the company's currency and lead times, and the files this device still owes the server
			tenantFacts(engine.db);
			uploadQueue(engine.db);
			this.engine = engine;
			if (this.kind !== 'customer') return;
			const subscription = liveQuery(() => engine.db.customers.toArray()).subscribe((rows) => (this.customerRows = rows));
			unsubscribe = () => subscription.unsubscribe();
		});
		return () => {
			stopped = true;
			unsubscribe();
		};
	}

	private get facts(): Facts {
		return this.engine ? tenantFacts(this.engine.db).facts : { currency: null, reminderDays: null };
	}

	private get shared(): SharedDoc<unknown> | null {
		if (!this.engine) return null;
		return this.kind === 'customer' ? this.engine.contracts : this.engine.catalog;
	}

	/** the document is here (from this device or the server) */
	get loaded(): boolean {
		return !!this.shared?.rows;
	}

	/** the person's role may read these contracts but not change them */
	get readOnly(): boolean {
		return this.shared?.readOnly ?? false;
	}

	get currency(): string | null {
		return this.facts.currency;
	}

	get records(): ContractRecord[] {
		if (!this.engine) return [];
		return (this.kind === 'customer' ? this.engine.contracts.rows?.customerContracts : this.engine.catalog.rows?.vendorContracts) ?? [];
	}

	private get attachments(): AttachmentRecord[] {
		if (!this.engine) return [];
		return (this.kind === 'customer' ? this.engine.contracts.rows?.attachments : this.engine.catalog.rows?.attachments) ?? [];
	}

	/** customers (for customer contracts) to pick from, by name */
	readonly customers = $derived(
		this.customerRows.filter((c) => !c.deletedAt).sort((a, b) => a.name.localeCompare(b.name))
	);

	get vendors(): VendorRecord[] {
		return (this.engine?.catalog.rows?.vendors ?? []).filter((v) => !v.deletedAt);
	}

	get products(): ProductRecord[] {
		return this.engine?.catalog.rows?.products ?? [];
	}

	/** whose contract it is, by id: customers' names or vendors' */
	readonly names: ReadonlyMap<string, string>;
	/** every contract of the kind, deleted ones too, with its renewal, deadline and status */
	readonly listed: Listed[];

	/** One customer's (or vendor's) current contracts, the nearest notice deadline first. */
	of(partyId: string): Listed[] {
		return filterContracts(this.listed, { search: '', partyId, kind: '', status: '', sort: 'deadline', deleted: false });
	}

	record(id: string): ContractRecord | undefined {
		return this.records.find((r) => r.id === id);
	}

	listedOne(id: string): Listed | undefined {
		return this.listed.find((r) => r.id === id);
	}

	attachmentsOf(contractId: string): AttachmentRecord[] {
		return this.attachments
			.filter((a) => a.contractId === contractId && !a.deletedAt)
			.sort((a, b) => (a.uploadedAt ?? '').localeCompare(b.uploadedAt ?? '') || a.id.localeCompare(b.id));
	}

	/** Creates a contract on this device and returns its id; the server gets it on the next sync. */
	create(fields: PlainRecord): string {
		const id = newId();
		this.transact((collection, doc) => createContract(doc, collection, id, fields));
		return id;
	}

	update(id: string, fields: PlainRecord): void {
		this.transact((collection, doc) => updateFields(doc, collection, id, fields));
	}

	setDeleted(id: string, deleted: boolean): void {
		this.transact((collection, doc) => setDeleted(doc, collection, id, deleted));
	}

	/** Attaches files to a contract (see attachFiles); returns why any was refused. */
	async attach(contractId: string, files: File[]): Promise<string[]> {
		const engine = this.engine;
		if (!engine) return ['The contracts are still loading. Try again in a moment.'];
		return attachFiles(engine.db, files, engine.session.user.id, (file) => this.transact((_, doc) => addAttachment(doc, { ...file, contractId })));
	}

	/** Removes an attachment (the record is marked deleted) and any upload of it this device still owed. */
	async removeAttachment(attachment: Pick<AttachmentRecord, 'id' | 'fileId'>): Promise<void> {
		this.transact((_, doc) => setDeleted(doc, 'attachments', attachment.id, true));
		if (this.engine) await uploadQueue(this.engine.db).discard(attachment.fileId);
	}

	uploadState(fileId: string): UploadState | null {
		return this.engine ? uploadQueue(this.engine.db).stateOf(fileId) : null;
	}

	private transact(edit: (collection: ContractCollection, doc: Y.Doc) => void) {
		const shared = this.shared;
		if (!shared) throw new Error('The contracts are still loading.');
		shared.transact((doc) => edit(COLLECTION[this.kind], doc));
	}
}
