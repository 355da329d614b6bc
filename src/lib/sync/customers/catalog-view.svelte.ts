import type { CustomFieldRecord } from '#lib/domain/catalog/schema.js';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import { rankBetween } from '#lib/domain/documents/ranks.js';
import { orderFields, type DefinitionInput } from './custom-fields.js';
import { newId } from '#lib/domain/customer/edits.js';

/**
 * What customer pages and the field settings read from the tenant's catalog
 * document: the custom field definitions (which owners and admins edit here)
 * and product names. The catalog stays attached, so this works offline.
 */
export class CatalogView {
	private sync: SyncEngine | null = $state.raw(null);

	/** the catalog has been read (from this device or the server) */
	get loaded(): boolean {
		return !!this.sync?.catalog.rows;
	}

	/** the person may read the catalog but not change it (their role) */
	get readOnly(): boolean {
		return this.sync?.catalog.readOnly ?? true;
	}

	private get definitions(): CustomFieldRecord[] {
		return this.sync?.catalog.rows?.customFields ?? [];
	}

	/** the definitions in use, in the tenant's order */
	get fields(): CustomFieldRecord[] {
		return orderFields(this.definitions);
	}

	get deletedFields(): CustomFieldRecord[] {
		return this.definitions.filter((f) => f.deletedAt);
	}

	/** a definition's label, deleted or not (the history names fields that were removed since) */
	fieldLabel(id: string): string | null {
		return this.definitions.find((f) => f.id === id)?.label ?? null;
	}

	productName(id: string): string | null {
		return this.sync?.catalog.rows?.products.find((p) => p.id === id)?.name ?? null;
	}

	/** Resolves the engine (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stopped = false;
		void useSync().then((engine) => {
			if (!stopped) this.sync = engine;
		});
		return () => {
			stopped = true;
		};
	}

	/** Adds a definition after the last one and returns its id. */
	addField(input: DefinitionInput): string {
		const id = newId();
		const last = this.fields.at(-1)?.rank ?? null;
		this.write(id, { ...definition(input), rank: rankBetween(last, null), deletedAt: null });
		return id;
	}

	updateField(id: string, input: DefinitionInput): void {
		this.write(id, definition(input));
	}

	setFieldDeleted(id: string, deleted: boolean): void {
		this.write(id, { deletedAt: deleted ? new Date().toISOString() : null });
	}

	/** Moves a field one place up (-1) or down (1) by giving it a rank between its new neighbours. */
	moveField(id: string, step: -1 | 1): void {
		const fields = this.fields;
		const at = fields.findIndex((f) => f.id === id);
		const target = at + step;
		if (at < 0 || target < 0 || target >= fields.length) return;
		const [before, after] = step < 0 ? [fields[target - 1], fields[target]] : [fields[target], fields[target + 1]];
		this.write(id, { rank: rankBetween(before?.rank ?? null, after?.rank ?? null) });
	}

	private write(id: string, fields: Record<string, string | null>) {
		if (!this.sync) throw new Error('the catalog is not loaded yet');
		this.sync.catalog.transact((doc) => upsertRecord(doc, 'customFields', id, fields));
	}
}

function definition(input: DefinitionInput): Record<string, string | null> {
	const choices = input.type === 'choice' ? input.choices.trim() : '';
	return { label: input.label.trim(), type: input.type, choices: choices || null };
}
