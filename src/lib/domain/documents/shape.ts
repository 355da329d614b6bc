import * as Y from 'yjs';
import type { DocKind } from './names.js';

/**
 * The shape every document shares (DESIGN.md §2): a `meta` map with the schema
 * version and kind, the entity as a top-level map named after its kind, and one
 * top-level map per collection, record id → flat map of scalars.
 */
export type Scalar = string | number | boolean | null;
export type PlainRecord = Record<string, Scalar>;

/** Bumped when a document's shape changes in a way older clients would corrupt. */
export const SCHEMA_VERSION = 1;

export function initMeta(doc: Y.Doc, kind: DocKind): void {
	const meta = doc.getMap('meta');
	if (!meta.has('kind')) meta.set('kind', kind);
	if (!meta.has('schemaVersion')) meta.set('schemaVersion', SCHEMA_VERSION);
}


/** A flat Y.Map as a plain object, keeping only scalar values. */
export function plain(map: Y.Map<unknown>): PlainRecord {
	const out: PlainRecord = {};
	for (const [key, value] of map.entries()) {
		if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value as Scalar;
	}
	return out;
}

/** The records of a collection, keyed by the map key (which is the record id). */
export function records(doc: Y.Doc, collection: string): [string, unknown][] {
	return [...doc.getMap(collection).entries()];
}

/** Sets fields on a record of a collection, creating the record map when new. */
export function upsertRecord(doc: Y.Doc, collection: string, id: string, fields: PlainRecord): void {
	doc.transact(() => {
		const map = doc.getMap<Y.Map<Scalar>>(collection);
		let record = map.get(id);
		if (!(record instanceof Y.Map)) {
			record = new Y.Map<Scalar>();
			map.set(id, record);
			record.set('id', id);
		}
		for (const [key, value] of Object.entries(fields)) if (key !== 'id') record.set(key, value);
	});
}

/** Sets scalar fields on the document's entity map. */
export function setEntity(doc: Y.Doc, kind: DocKind, fields: PlainRecord): void {
	doc.transact(() => {
		const entity = doc.getMap<Scalar>(kind);
		for (const [key, value] of Object.entries(fields)) entity.set(key, value);
	});
}
