import type * as Y from 'yjs';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import type { ServiceDesk } from '#lib/domain/servicedesk/read.js';
import { byName, deleted, ranked } from '#lib/domain/servicedesk/ordering.js';
import type { SettingsCollection } from '#lib/domain/servicedesk/setting-forms.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import type { SharedDoc } from '../shared-doc.svelte.js';
import { addSetting, moveSetting, setSettingDeleted, settingsOf, updateSetting, type SettingsRecords } from './settings-edits.js';

/**
 * The service desk's settings as the browser reads and edits them: the
 * engine's `desk`, the catalog document (always attached, so this works
 * offline) read with the same `readServiceDesk` the server's rules use.
 * Admins edit here; the boards and the customer and contract pages read the same.
 */
export class DeskSettings {
	private engine: SyncEngine | null = $state.raw(null);

	/** Connects to the engine (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stopped = false;
		void useSync().then((engine) => {
			if (!stopped) this.engine = engine;
		});
		return () => {
			stopped = true;
		};
	}

	private get shared(): SharedDoc<ServiceDesk> | null {
		return this.engine?.desk ?? null;
	}

	get desk(): ServiceDesk | null {
		return this.shared?.rows ?? null;
	}

	get loaded(): boolean {
		return this.desk !== null;
	}

	/** the server lets this person read the catalog but not change it */
	get readOnly(): boolean {
		return this.shared?.readOnly ?? true;
	}

	readonly queues = $derived(ranked(this.desk?.queues ?? []));
	readonly statuses = $derived(ranked(this.desk?.statuses ?? []));
	readonly ticketTypes = $derived(byName(this.desk?.ticketTypes ?? []));
	readonly calendars = $derived(byName(this.desk?.calendars ?? []));
	readonly slaPolicies = $derived(byName(this.desk?.slaPolicies ?? []));

	/** Every record of a collection, deleted ones too (a new name must not repeat a live one). */
	all<C extends SettingsCollection>(collection: C): SettingsRecords[C][] {
		return this.desk ? settingsOf(this.desk, collection) : [];
	}

	deletedOf<C extends SettingsCollection>(collection: C): SettingsRecords[C][] {
		return deleted(this.all(collection));
	}

	add(collection: SettingsCollection, fields: PlainRecord): void {
		this.write((doc) => addSetting(doc, collection, fields));
	}

	update(collection: SettingsCollection, id: string, fields: PlainRecord): void {
		this.write((doc) => updateSetting(doc, collection, id, fields));
	}

	setDeleted(collection: SettingsCollection, id: string, isDeleted: boolean): void {
		this.write((doc) => setSettingDeleted(doc, collection, id, isDeleted));
	}

	move(collection: SettingsCollection, id: string, step: -1 | 1): void {
		this.write((doc) => moveSetting(doc, collection, id, step));
	}

	private write(edit: (doc: Y.Doc) => void) {
		if (!this.shared) throw new Error('the catalog is not loaded yet');
		this.shared.transact(edit);
	}
}
