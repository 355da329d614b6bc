import type * as Y from 'yjs';
import { parseDocName } from '../documents/names.js';
import { projectCollection, validateRecord, type Problem } from '../documents/project.js';
import { entryRecord, expenseRecord, timesheetRecord, type EntryRecord, type ExpenseRecord, type TimesheetRecord } from './schema.js';
import { isWeek } from './weeks.js';

/** Whose week a row is of: every entry and expense carries it, so reports need no join. */
interface Owner {
	userId: string;
	week: string;
}

export type TimeEntryRow = EntryRecord & Owner;
export type ExpenseRow = ExpenseRecord & Owner;

export interface TimesheetProjection {
	timesheets: TimesheetRecord[];
	timeEntries: TimeEntryRow[];
	expenses: ExpenseRow[];
	problems: Problem[];
}

/** The id of a week's entity (and its `timesheets` row): unique per person and week. */
export const timesheetId = (userId: string, week: string) => `${userId}-${week}`;

/** `T:timesheet:USER:YYYY-Www` → the person and week, or a throw for any other name. */
export function timesheetOwner(docName: string): Owner {
	const name = parseDocName(docName);
	const [userId, week] = name?.parts ?? [];
	if (name?.kind !== 'timesheet' || name.parts.length !== 2 || !isWeek(week)) throw new Error(`not a timesheet document: ${docName}`);
	return { userId, week };
}

/**
 * A person's week → its rows. Pure and deterministic. The person and week come
 * from the document's name, never from its content, so a record cannot claim
 * another person's time or another week (its date is checked against the week).
 */
export function projectTimesheet(docName: string, doc: Y.Doc): TimesheetProjection {
	const owner = timesheetOwner(docName);
	const problems: Problem[] = [];
	const timeEntries = projectCollection(doc, 'entries', entryRecord(owner.week), owner, problems);
	const expenses = projectCollection(doc, 'expenses', expenseRecord(owner.week), owner, problems) as ExpenseRow[];
	const entity = doc.getMap('timesheet');
	const sheet = entity.size > 0 ? validateRecord(timesheetRecord, 'timesheet', timesheetId(owner.userId, owner.week), entity, problems) : undefined;
	const timesheets = sheet ? [{ ...sheet, ...owner }] : [];
	return { timesheets, timeEntries, expenses, problems };
}
