import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { projectCollection } from '../documents/project.js';
import { initMeta, plain, setEntity, upsertRecord, type PlainRecord } from '../documents/shape.js';
import { isLocked, lockMessage, readApproval } from './approval.js';
import { findOverlaps } from './overlaps.js';
import { timesheetId } from './projection.js';
import { entryRecord, expenseRecord, type EntryRecord } from './schema.js';
import { weekDays } from './weeks.js';

/**
 * Every change the app makes to a person's week (`T:timesheet:USER:YYYY-Www`),
 * as plain functions of a Y.Doc. Entries and expenses are checked before they
 * are written, so the person sees why one is refused; the materializer checks
 * them again (another client may not have).
 */

export interface Sheet {
	doc: Y.Doc;
	userId: string;
	week: string;
}

export type EditResult = { ok: true; id: string } | { ok: false; errors: string[] };

export interface EntryFields {
	date: string;
	startMinute?: number | null;
	endMinute?: number | null;
	minutes?: number | null;
	ticketId?: string | null;
	taskId?: string | null;
	projectId?: string | null;
	customerId?: string | null;
	workRole?: string | null;
	billable?: boolean;
	notes?: string | null;
}

export interface ExpenseFields {
	date: string;
	category: string;
	amount: number | null;
	billable?: boolean;
	markupBasisPoints?: number | null;
	receiptFileId?: string | null;
	customerId?: string | null;
	ticketId?: string | null;
	projectId?: string | null;
	notes?: string | null;
}

/** Makes the week's entity on first use: a week with no entries has no document content at all. */
function ensureTimesheet({ doc, userId, week }: Sheet): void {
	if (doc.getMap('timesheet').size > 0) return;
	initMeta(doc, 'timesheet');
	setEntity(doc, 'timesheet', { id: timesheetId(userId, week), userId, week, status: 'open', submittedAt: null });
}

/** The week's entries as they validate now (refused records left out). */
export function liveEntries({ doc, week }: Sheet): EntryRecord[] {
	return projectCollection(doc, 'entries', entryRecord(week), {}, []).filter((e) => !e.deletedAt);
}

/** Why the week refuses edits (it is approved, so locked), or null when it takes them. */
function locked({ doc }: Sheet): { ok: false; errors: string[] } | null {
	const approval = readApproval(doc);
	return isLocked(approval) ? { ok: false, errors: [lockMessage(approval)!] } : null;
}

const issues = (error: { issues: { message: string }[] }) => error.issues.map((i) => i.message);

/** Checks an entry as it would be stored, against the week's other entries. */
function checkEntry(sheet: Sheet, record: PlainRecord): { ok: true; entry: EntryRecord } | { ok: false; errors: string[] } {
	const parsed = entryRecord(sheet.week).safeParse(record);
	if (!parsed.success) return { ok: false, errors: issues(parsed.error) };
	const others = liveEntries(sheet).filter((e) => e.id !== parsed.data.id);
	const overlaps = findOverlaps([...others, parsed.data]).filter((o) => o.a === parsed.data.id || o.b === parsed.data.id);
	return overlaps.length ? { ok: false, errors: overlaps.map((o) => o.message) } : { ok: true, entry: parsed.data };
}

const entryFields = (entry: EntryRecord): PlainRecord => {
	const { id: _id, ...fields } = entry;
	return fields;
};

export function addEntry(sheet: Sheet, fields: EntryFields, now = new Date()): EditResult {
	const refused = locked(sheet);
	if (refused) return refused;
	const id = uuidv7();
	const checked = checkEntry(sheet, { id, billable: true, ...fields, createdAt: now.toISOString(), deletedAt: null } as PlainRecord);
	if (!checked.ok) return checked;
	sheet.doc.transact(() => {
		ensureTimesheet(sheet);
		upsertRecord(sheet.doc, 'entries', id, entryFields(checked.entry));
	});
	return { ok: true, id };
}

/** Changes some fields of an entry; the whole entry is checked again as it would become. */
export function updateEntry(sheet: Sheet, id: string, changes: Partial<EntryFields>): EditResult {
	const refused = locked(sheet);
	if (refused) return refused;
	// the record as stored, not as it validates: a broken entry (from a client that skipped the checks) can be mended
	const stored = sheet.doc.getMap('entries').get(id);
	const current = stored instanceof Y.Map ? plain(stored) : null;
	if (!current || current.deletedAt) return { ok: false, errors: ['that entry is not in this week'] };
	// a new start and end replace the old minutes, and new minutes the old end
	const merged = { ...current, ...('minutes' in changes && !('endMinute' in changes) ? { endMinute: null } : {}), ...changes };
	const checked = checkEntry(sheet, merged as PlainRecord);
	if (!checked.ok) return checked;
	upsertRecord(sheet.doc, 'entries', id, entryFields(checked.entry));
	return { ok: true, id };
}

/** Marks an entry deleted (a record is never removed: DESIGN.md §2). */
export function removeEntry(sheet: Sheet, id: string, now = new Date()): EditResult {
	return removeRecord(sheet, 'entries', id, now);
}

function removeRecord(sheet: Sheet, collection: 'entries' | 'expenses', id: string, now: Date): EditResult {
	const refused = locked(sheet);
	if (refused) return refused;
	if (!(sheet.doc.getMap(collection).get(id) instanceof Y.Map)) return { ok: false, errors: [`that ${collection === 'entries' ? 'entry' : 'expense'} is not in this week`] };
	upsertRecord(sheet.doc, collection, id, { deletedAt: now.toISOString() });
	return { ok: true, id };
}

function parseExpense(sheet: Sheet, id: string, fields: ExpenseFields, now: Date) {
	const refused = locked(sheet);
	if (refused) return refused;
	const parsed = expenseRecord(sheet.week).safeParse({ id, ...fields, createdAt: now.toISOString(), deletedAt: null });
	return parsed.success ? { ok: true as const, record: parsed.data } : { ok: false as const, errors: issues(parsed.error) };
}

/** Why an expense would be refused, or none: checked before its receipt is kept, so a refused expense leaves no upload behind. */
export function expenseProblems(sheet: Sheet, fields: ExpenseFields): string[] {
	const checked = parseExpense(sheet, 'check', fields, new Date());
	return checked.ok ? [] : checked.errors;
}

export function addExpense(sheet: Sheet, fields: ExpenseFields, now = new Date()): EditResult {
	const id = uuidv7();
	const checked = parseExpense(sheet, id, fields, now);
	if (!checked.ok) return checked;
	const { id: _id, ...record } = checked.record;
	sheet.doc.transact(() => {
		ensureTimesheet(sheet);
		upsertRecord(sheet.doc, 'expenses', id, record);
	});
	return { ok: true, id };
}

export function removeExpense(sheet: Sheet, id: string, now = new Date()): EditResult {
	return removeRecord(sheet, 'expenses', id, now);
}

/**
 * Copies last week's entries into a new week, each on the same weekday, as
 * new entries (new ids, not yet submitted). An entry that would overlap one
 * already in the new week is skipped, not doubled. Returns the ids made;
 * a locked (approved) new week takes none.
 */
export function copyLastWeek(from: Sheet, into: Sheet, now = new Date()): { ok: true; ids: string[] } | { ok: false; errors: string[] } {
	const refused = locked(into);
	if (refused) return refused;
	const targetDay = new Map(weekDays(from.week).map((date, i) => [date, weekDays(into.week)[i]]));
	const made: string[] = [];
	into.doc.transact(() => {
		for (const entry of liveEntries(from)) {
			const { id: _id, createdAt: _created, deletedAt: _deleted, ...fields } = entry;
			const result = addEntry(into, { ...fields, date: targetDay.get(entry.date)! }, now);
			if (result.ok) made.push(result.id);
		}
	});
	return { ok: true, ids: made };
}

/** Submits the week for approval; refused while entries overlap. Approval itself is the server's (the ledger). */
export function submitTimesheet(sheet: Sheet, now = new Date()): EditResult {
	const refused = locked(sheet);
	if (refused) return refused;
	const overlaps = findOverlaps(liveEntries(sheet));
	if (overlaps.length) return { ok: false, errors: overlaps.map((o) => `resolve before submitting: ${o.message}`) };
	sheet.doc.transact(() => {
		ensureTimesheet(sheet);
		setEntity(sheet.doc, 'timesheet', { status: 'submitted', submittedAt: now.toISOString() });
	});
	return { ok: true, id: timesheetId(sheet.userId, sheet.week) };
}
