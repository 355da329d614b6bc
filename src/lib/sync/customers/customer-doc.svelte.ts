import type { ChangeRecord } from '#lib/domain/customer/schema.js';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { plain } from '#lib/domain/documents/shape.js';
import type { DocHandle, DocState, PresenceUser } from '../doc-handle.svelte.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import type { PinState } from '../pins.svelte.js';
import { OpenDoc, type OpenStatus } from '../open-doc.svelte.js';
import * as edits from '#lib/domain/customer/edits.js';
import { editAs, readChanges } from '#lib/domain/customer/history.js';

/** Where the customer page stands (see OpenStatus). */
export type CustomerDocStatus = OpenStatus;

/**
 * The customer page's state: the live content of one customer document and
 * the people viewing it. Every method edits the Y.Doc, which saves to
 * IndexedDB and syncs on its own; nothing here waits for the network.
 */
export class CustomerDoc {
	profile: PlainRecord = $state({});
	sites: PlainRecord[] = $state([]);
	contacts: PlainRecord[] = $state([]);
	/** products from the catalog this customer runs */
	deployments: PlainRecord[] = $state([]);
	devices: PlainRecord[] = $state([]);
	notes: PlainRecord[] = $state([]);
	/** values of the tenant's custom fields, by field definition id */
	customValues: PlainRecord[] = $state([]);
	/** who changed what, newest first */
	changes: ChangeRecord[] = $state.raw([]);
	private readonly opened = new OpenDoc();
	private hasContent = $state(false);

	constructor(readonly id: string) {}

	get status(): CustomerDocStatus {
		return this.opened.status(this.hasContent);
	}

	get deleted(): boolean {
		return typeof this.profile.deletedAt === 'string';
	}

	/** where this document stands with the server (offline, syncing, synced) */
	get syncState(): DocState | null {
		return this.handle?.state ?? null;
	}

	get viewers(): PresenceUser[] {
		return this.opened.viewers;
	}

	private get handle(): DocHandle | null {
		return this.opened.handle;
	}

	private get sync(): SyncEngine | null {
		return this.opened.engine;
	}

	/** whether this customer is kept on the device for offline use */
	get keptOffline(): PinState | null {
		return this.handle && this.sync ? this.sync.offline.pins.state(this.handle.name) : null;
	}

	async setKeptOffline(keep: boolean): Promise<void> {
		if (!this.handle || !this.sync) return;
		const names = [this.handle.name];
		await (keep ? this.sync.offline.pin(names) : this.sync.offline.unpin(names));
	}

	get activeSites(): PlainRecord[] {
		return this.sites.filter((s) => !s.deletedAt);
	}

	/** Opens the document (browser only; call from an effect). Returns the function that closes it. */
	open(): () => void {
		return this.opened.open({
			name: (engine) => edits.customerDocName(engine.session.tenant.id, this.id),
			onOpened: (handle, engine) => editAs(handle.doc, engine.user.name),
			onChange: () => this.read()
		});
	}

	private read() {
		const doc = this.handle?.doc;
		if (!doc) return;
		const entity = doc.getMap('customer');
		this.hasContent = entity.size > 0;
		this.profile = plain(entity);
		this.sites = edits.readRecords(doc, 'sites');
		this.contacts = edits.readRecords(doc, 'contacts');
		this.deployments = edits.readRecords(doc, 'deployments');
		this.devices = edits.readRecords(doc, 'devices');
		this.notes = edits.readRecords(doc, 'notes');
		this.customValues = edits.readRecords(doc, 'customValues');
		this.changes = readChanges(doc);
	}

	private get doc() {
		if (!this.handle) throw new Error('the customer is not open');
		return this.handle.doc;
	}

	update(fields: edits.Fields, final = false): void {
		edits.updateCustomer(this.doc, fields, final);
	}

	setDeleted(deleted: boolean): void {
		edits.setCustomerDeleted(this.doc, deleted);
	}

	addRecord(collection: edits.Collection, fields: edits.Fields): string {
		return edits.addRecord(this.doc, collection, fields);
	}

	updateRecord(collection: edits.Collection, id: string, fields: edits.Fields, final = false): void {
		edits.updateRecord(this.doc, collection, id, fields, final);
	}

	setRecordDeleted(collection: edits.Collection, id: string, deleted: boolean): void {
		edits.setRecordDeleted(this.doc, collection, id, deleted);
	}

	/** Adds a note signed with the person's name and the time. */
	addNote(body: string, now = new Date()): void {
		this.addRecord('notes', { body, by: this.sync?.user.name ?? null, at: now.toISOString(), pinned: false });
	}
}

/** Creates a customer on this device (works offline) and returns its id; the server gets it on the next sync. */
export async function createCustomer(fields: { name: string; status?: 'active' | 'prospect' | 'inactive' }): Promise<string> {
	const engine = await useSync();
	const id = edits.newId();
	const name = edits.customerDocName(engine.session.tenant.id, id);
	const handle = await engine.pool.acquire(name);
	editAs(handle.doc, engine.user.name);
	try {
		edits.createCustomer(handle.doc, id, fields);
		// in the list at once, not after the projection's debounce
		await engine.rows.project(name, handle.doc);
	} finally {
		engine.pool.release(handle);
	}
	return id;
}

/** Restores a deleted customer from the list, which may not have its document open. */
export async function setCustomerDeletedById(id: string, deleted: boolean): Promise<void> {
	const engine = await useSync();
	const name = edits.customerDocName(engine.session.tenant.id, id);
	const handle = await engine.pool.acquire(name);
	editAs(handle.doc, engine.user.name);
	try {
		if (!(await hasContent(handle))) throw new Error('This customer is not on this device yet. Try again when online.');
		edits.setCustomerDeleted(handle.doc, deleted);
		await engine.rows.project(name, handle.doc);
	} finally {
		engine.pool.release(handle);
	}
}

/** Waits (a little) for a document to have its content, from IndexedDB or the server. */
function hasContent(handle: DocHandle, timeoutMs = 8000): Promise<boolean> {
	const entity = handle.doc.getMap('customer');
	if (entity.size > 0) return Promise.resolve(true);
	return new Promise((resolve) => {
		const done = (result: boolean) => {
			clearTimeout(timer);
			handle.doc.off('update', check);
			resolve(result);
		};
		const check = () => entity.size > 0 && done(true);
		const timer = setTimeout(() => done(false), timeoutMs);
		handle.doc.on('update', check);
	});
}
