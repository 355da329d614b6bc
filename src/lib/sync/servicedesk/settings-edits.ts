import * as Y from 'yjs';
import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { readServiceDesk, type ServiceDesk } from '#lib/domain/servicedesk/read.js';
import { ranked } from '#lib/domain/servicedesk/ordering.js';
import type { SettingsCollection } from '#lib/domain/servicedesk/setting-forms.js';
import {
	DEFAULT_STATUS_RECORDS,
	type CalendarRecord,
	type QueueRecord,
	type SlaPolicyRecord,
	type StatusRecord,
	type TicketTypeRecord
} from '#lib/domain/servicedesk/settings.js';
import { newId } from '#lib/domain/customer/edits.js';
import { rankBetween } from '#lib/domain/documents/ranks.js';
import { addCatalogRecord, setCatalogDeleted, updateCatalogRecord } from '../stack/catalog-edits.js';

/**
 * Every change the service desk settings make to the catalog document, as
 * plain functions of the Y.Doc (read from the document itself, so a change
 * right after another in the same transaction sees it).
 */

/** The record each settings collection holds. */
export interface SettingsRecords {
	queues: QueueRecord;
	ticketStatuses: StatusRecord;
	ticketTypes: TicketTypeRecord;
	calendars: CalendarRecord;
	slaPolicies: SlaPolicyRecord;
}

type Ranked = { id: string; name: string; rank?: string | null; deletedAt: string | null };

/** The collections people put in order (↑ ↓); the others are listed by name. */
const RANKED: SettingsCollection[] = ['queues', 'ticketStatuses'];

/** Every record of a collection as the service desk reads it, deleted ones too. */
export function settingsOf<C extends SettingsCollection>(desk: ServiceDesk, collection: C): SettingsRecords[C][] {
	const map: { [K in SettingsCollection]: SettingsRecords[K][] } = {
		queues: desk.queues,
		ticketStatuses: desk.statuses,
		ticketTypes: desk.ticketTypes,
		calendars: desk.calendars,
		slaPolicies: desk.slaPolicies
	};
	return map[collection];
}

/** Adds a record (after the last one, where order matters); returns its id. */
export function addSetting(doc: Y.Doc, collection: SettingsCollection, fields: PlainRecord): string {
	const id = newId();
	edit(doc, collection, fields, () => {
		const rank: PlainRecord = RANKED.includes(collection) ? { rank: rankBetween(lastRank(doc, collection), null) } : {};
		addCatalogRecord(doc, collection, { ...fields, ...rank }, id);
	}, id);
	return id;
}

/** Writes the fields that change (Triage, in every list without being in the catalog, is written on its first edit). */
export function updateSetting(doc: Y.Doc, collection: SettingsCollection, id: string, fields: PlainRecord): void {
	edit(doc, collection, fields, () => updateCatalogRecord(doc, collection, id, fields), id);
}

export function setSettingDeleted(doc: Y.Doc, collection: SettingsCollection, id: string, deleted: boolean, now = new Date()): void {
	edit(doc, collection, {}, () => setCatalogDeleted(doc, collection, id, deleted, now));
}

/** Moves a record one place up (-1) or down (1): a rank between its new neighbours, so concurrent moves merge. */
export function moveSetting(doc: Y.Doc, collection: SettingsCollection, id: string, step: -1 | 1): void {
	edit(doc, collection, {}, () => {
		const list = rankAll(doc, collection);
		const at = list.findIndex((r) => r.id === id);
		const target = at + step;
		if (at < 0 || target < 0 || target >= list.length) return;
		const [before, after] = step < 0 ? [list[target - 1], list[target]] : [list[target], list[target + 1]];
		updateCatalogRecord(doc, collection, id, { rank: rankBetween(before?.rank ?? null, after?.rank ?? null) });
	});
}

/**
 * One change, as one update. The statuses a tenant sees before it edits any
 * are the defaults: the first edit writes them into the catalog (same ids,
 * which tickets already hold), then the change. One policy is the default:
 * making another one the default unmarks it.
 */
function edit(doc: Y.Doc, collection: SettingsCollection, fields: PlainRecord, change: () => void, selfId?: string) {
	doc.transact(() => {
		if (collection === 'ticketStatuses' && doc.getMap('ticketStatuses').size === 0) writeDefaultStatuses(doc);
		change();
		if (collection !== 'slaPolicies' || fields.isDefault !== true) return;
		for (const policy of readServiceDesk(doc).slaPolicies) {
			if (policy.id !== selfId && policy.isDefault) updateCatalogRecord(doc, 'slaPolicies', policy.id, { isDefault: false });
		}
	});
}

// a move needs every neighbour ranked: records still in their built-in place get ranks in the order shown
function rankAll(doc: Y.Doc, collection: SettingsCollection): Ranked[] {
	const list = ranked(settingsOf(readServiceDesk(doc), collection) as Ranked[]).map((r) => ({ ...r }));
	if (list.every((r) => r.rank)) return list;
	let previous: string | null = null;
	for (const record of list) {
		record.rank = rankBetween(previous, null);
		previous = record.rank;
		if (doc.getMap(collection).get(record.id) instanceof Y.Map) updateCatalogRecord(doc, collection, record.id, { rank: record.rank });
		else addCatalogRecord(doc, collection, { name: record.name, rank: record.rank }, record.id);
	}
	return list;
}

/** The greatest rank in the collection (a new record goes after it). */
function lastRank(doc: Y.Doc, collection: SettingsCollection): string | null {
	let last: string | null = null;
	for (const record of doc.getMap(collection).values()) {
		const rank = record instanceof Y.Map ? record.get('rank') : null;
		if (typeof rank === 'string' && (last === null || rank > last)) last = rank;
	}
	return last;
}

// Two admins editing statuses for the very first time at the same moment both
// write these records; Yjs keeps one of the two maps per id, so one of their
// first edits to a default status may be lost (a status they add is not).
function writeDefaultStatuses(doc: Y.Doc) {
	let rank: string | null = null;
	for (const status of DEFAULT_STATUS_RECORDS) {
		rank = rankBetween(rank, null);
		addCatalogRecord(doc, 'ticketStatuses', { name: status.name, pausesSla: status.pausesSla, done: status.done, rank }, status.id);
	}
}
