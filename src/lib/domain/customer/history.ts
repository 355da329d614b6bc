import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { changeRecord, type ChangeRecord } from './schema.js';
import { plain, upsertRecord, type Scalar } from '#lib/domain/documents/shape.js';

/**
 * A customer's history: an append-only `changes` collection the edit functions
 * write in the same transaction as the edit. Entries are records like any
 * other, so edits made offline on two devices merge as more entries and never
 * overwrite each other's.
 */

export const CHANGES = 'changes';
/** edits of one field by one person closer together than this make one entry (typing a word is not ten changes) */
export const COALESCE_MS = 60_000;
/** values are cut: the history says what changed, the record keeps the full text (a note's body) */
const VALUE_MAX = 200;

/** One field of one record going from one value to another; `field` null: the record was added. */
export interface FieldChange {
	field: string | null;
	from: Scalar;
	to: Scalar;
}

// who edits a document is a fact of this tab (the signed-in person), not of
// each call: every caller that edits the document is recorded as them
const editors = new WeakMap<Y.Doc, string>();
// the entry each (person, record, field) last wrote, so the next keystroke extends it
const lastEntries = new WeakMap<Y.Doc, Map<string, string>>();

/** Records later edits of `doc` as made by `name`. */
export function editAs(doc: Y.Doc, name: string): void {
	editors.set(doc, name);
}

/** Appends the changes of one record to the history (or extends a recent entry of the same field by the same person). */
export function logChanges(doc: Y.Doc, collection: string, recordId: string, changes: FieldChange[], now = new Date()): void {
	const by = editors.get(doc) ?? null;
	doc.transact(() => {
		for (const change of changes) logOne(doc, { collection, recordId, by, ...change }, now);
	});
}

function logOne(doc: Y.Doc, entry: FieldChange & { collection: string; recordId: string; by: string | null }, now: Date) {
	const at = now.toISOString();
	const to = compact(entry.to);
	// additions and deletions are events people look for; only value edits coalesce
	const key = entry.field && entry.field !== 'deletedAt' ? [entry.by, entry.collection, entry.recordId, entry.field].join('\u0000') : null;
	const recent = key ? recentEntry(doc, key, now) : undefined;
	if (recent) return upsertRecord(doc, CHANGES, recent, { at, to });
	const id = uuidv7();
	upsertRecord(doc, CHANGES, id, { at, by: entry.by, collection: entry.collection, recordId: entry.recordId, field: entry.field, from: compact(entry.from), to });
	if (key) entriesOf(doc).set(key, id);
}

function entriesOf(doc: Y.Doc): Map<string, string> {
	let entries = lastEntries.get(doc);
	if (!entries) lastEntries.set(doc, (entries = new Map()));
	return entries;
}

function recentEntry(doc: Y.Doc, key: string, now: Date): string | undefined {
	const id = lastEntries.get(doc)?.get(key);
	const record = id ? doc.getMap(CHANGES).get(id) : undefined;
	if (!(record instanceof Y.Map)) return undefined;
	return now.getTime() - Date.parse(String(record.get('at'))) <= COALESCE_MS ? id : undefined;
}

function compact(value: Scalar): Scalar {
	return typeof value === 'string' && value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

/** The history, newest first; an edit that ended where it started (typed, then undone) is left out. */
export function readChanges(doc: Y.Doc): ChangeRecord[] {
	const out: ChangeRecord[] = [];
	for (const value of doc.getMap(CHANGES).values()) {
		const parsed = value instanceof Y.Map ? changeRecord.safeParse(plain(value)) : null;
		if (parsed?.success && (parsed.data.field === null || parsed.data.from !== parsed.data.to)) out.push(parsed.data);
	}
	return out.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
}
