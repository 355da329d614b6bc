import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { readServiceDesk, type ServiceDesk } from '#lib/domain/servicedesk/read.js';
import { byName, deleted, ranked } from '#lib/domain/servicedesk/ordering.js';
import type { SettingsCollection } from '#lib/domain/servicedesk/setting-forms.js';
import { useSync } from '../engine.svelte.js';
import { SharedDoc } from '../shared-doc.svelte.js';
import { addSetting, moveSetting, setSettingDeleted, settingsOf, updateSetting, type SettingsRecords } from './settings-edits.js';

/**
 * The service desk's settings as the browser reads and edits them: the
 * catalog document (kept attached by the engine, so this works offline) read
 * with the same `readServiceDesk` the server's rules use. Admins edit here;
 * the boards and the customer and contract pages read the same.
 */
export class DeskSettings {
	private readonly shared = new SharedDoc('catalog', readServiceDesk);

	/** Attaches to the engine's catalog (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stop = () => {};
		let stopped = false;
		void useSync().then((engine) => {
			if (!stopped) stop = this.shared.start(engine.pool, engine.session.tenant.id);
		});
		return () => {
			stopped = true;
			stop();
		};
	}

	get desk(): ServiceDesk | null {
		return this.shared.rows;
	}

	get loaded(): boolean {
		return this.shared.rows !== null;
	}

	/** the server lets this person read the catalog but not change it */
	get readOnly(): boolean {
		return this.shared.readOnly;
	}

	readonly queues = $derived(ranked(this.shared.rows?.queues ?? []));
	readonly statuses = $derived(ranked(this.shared.rows?.statuses ?? []));
	readonly ticketTypes = $derived(byName(this.shared.rows?.ticketTypes ?? []));
	readonly calendars = $derived(byName(this.shared.rows?.calendars ?? []));
	readonly slaPolicies = $derived(byName(this.shared.rows?.slaPolicies ?? []));

	/** Every record of a collection, deleted ones too (a new name must not repeat a live one). */
	all<C extends SettingsCollection>(collection: C): SettingsRecords[C][] {
		return this.shared.rows ? settingsOf(this.shared.rows, collection) : [];
	}

	deletedOf<C extends SettingsCollection>(collection: C): SettingsRecords[C][] {
		return deleted(this.all(collection));
	}

	add(collection: SettingsCollection, fields: PlainRecord): void {
		this.shared.transact((doc) => addSetting(doc, collection, fields));
	}

	update(collection: SettingsCollection, id: string, fields: PlainRecord): void {
		this.shared.transact((doc) => updateSetting(doc, collection, id, fields));
	}

	setDeleted(collection: SettingsCollection, id: string, isDeleted: boolean): void {
		this.shared.transact((doc) => setSettingDeleted(doc, collection, id, isDeleted));
	}

	move(collection: SettingsCollection, id: string, step: -1 | 1): void {
		this.shared.transact((doc) => moveSetting(doc, collection, id, step));
	}
}
