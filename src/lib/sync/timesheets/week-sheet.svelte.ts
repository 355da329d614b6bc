import { lockMessage, readApproval, type WeekApproval } from '#lib/domain/timesheet/approval.js';
import * as edits from '#lib/domain/timesheet/edits.js';
import { findOverlaps, type Overlap } from '#lib/domain/timesheet/overlaps.js';
import { projectTimesheet } from '#lib/domain/timesheet/projection.js';
import type { EntryRecord, ExpenseRecord, TimesheetRecord } from '#lib/domain/timesheet/schema.js';
import { weekTotals, type WeekTotals } from '#lib/domain/timesheet/totals.js';
import { previousWeek } from '#lib/domain/timesheet/weeks.js';
import type { Problem } from '#lib/domain/documents/project.js';
import type { DocState } from '../doc-handle.svelte.js';
import { OpenDoc } from '../open-doc.svelte.js';
import { attachFiles } from '../uploads/attach.js';
import { uploadQueue, type UploadState } from '../uploads/queue.svelte.js';
import { myWeekName, withMyWeek } from './weeks.js';

/**
 * Where the week view stands: a week with nothing in it is a valid empty week
 * (there is no "missing" week), so offline with nothing on the device it is
 * ready too, and what the person logs merges with the server's copy later.
 */
export type WeekStatus = 'loading' | 'ready' | 'forbidden';

/**
 * The week view's state: the signed-in person's timesheet for one ISO week
 * (`T:timesheet:USER:YYYY-Www`), its totals and overlaps, the approval the
 * server stamped, and every edit. Edits go to the Y.Doc, which saves to
 * IndexedDB and syncs on its own: all of it works offline.
 */
export class WeekSheet {
	entries: EntryRecord[] = $state.raw([]);
	expenses: ExpenseRecord[] = $state.raw([]);
	/** the week's entity: whether the person submitted it */
	timesheet: TimesheetRecord | null = $state.raw(null);
	approval: WeekApproval | null = $state.raw(null);
	/** records another device wrote that do not hold (shown, so they can be mended) */
	problems: Problem[] = $state.raw([]);
	readonly totals: WeekTotals;
	readonly overlaps: Overlap[];
	private readonly opened = new OpenDoc();

	constructor(readonly week: string) {
		this.totals = $derived(weekTotals(this.week, this.entries, this.expenses));
		this.overlaps = $derived(findOverlaps(this.entries));
	}

	get status(): WeekStatus {
		const state = this.opened.handle?.state;
		if (!state) return 'loading';
		return state === 'forbidden' || state === 'missing' ? 'forbidden' : 'ready';
	}

	get syncState(): DocState | null {
		return this.opened.handle?.state ?? null;
	}

	/** Why edits are refused (the week is approved), or null. */
	get locked(): string | null {
		return lockMessage(this.approval);
	}

	open(): () => void {
		let frame = 0;
		const close = this.opened.open({
			name: (engine) => myWeekName(engine, this.week),
			onChange: () => {
				if (!frame) frame = requestAnimationFrame(() => ((frame = 0), this.read()));
			}
		});
		return () => {
			cancelAnimationFrame(frame);
			close();
		};
	}

	private read() {
		const handle = this.opened.handle;
		if (!handle) return;
		const projection = projectTimesheet(handle.name, handle.doc);
		this.entries = projection.timeEntries
			.filter((e) => !e.deletedAt)
			.sort((a, b) => a.date.localeCompare(b.date) || (a.startMinute ?? -1) - (b.startMinute ?? -1) || String(a.createdAt).localeCompare(String(b.createdAt)) || a.id.localeCompare(b.id));
		this.expenses = projection.expenses.filter((e) => !e.deletedAt).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
		this.timesheet = projection.timesheets[0] ?? null;
		this.problems = projection.problems;
		this.approval = readApproval(handle.doc);
	}

	private get sheet(): edits.Sheet {
		const { handle, engine } = this.opened;
		if (!handle || !engine) throw new Error('the week is not open');
		return { doc: handle.doc, userId: engine.session.user.id, week: this.week };
	}

	/** Whether the week is open here (edits before it is are refused with a message, not thrown). */
	private get notOpen(): { ok: false; errors: string[] } | null {
		return this.opened.handle ? null : { ok: false, errors: ['The week is still opening. Try again in a moment.'] };
	}

	add(fields: edits.EntryFields): edits.EditResult {
		return this.notOpen ?? edits.addEntry(this.sheet, fields);
	}

	update(id: string, changes: Partial<edits.EntryFields>): edits.EditResult {
		return this.notOpen ?? edits.updateEntry(this.sheet, id, changes);
	}

	remove(id: string): edits.EditResult {
		return this.notOpen ?? edits.removeEntry(this.sheet, id);
	}

	/** Copies last week's entries into this one; how many were copied, or why none could be. */
	async copyLastWeek(): Promise<{ ok: true; count: number } | { ok: false; errors: string[] }> {
		const engine = this.opened.engine;
		if (this.notOpen || !engine) return this.notOpen ?? { ok: false, errors: ['The week is still opening.'] };
		const into = this.sheet;
		const copied = await withMyWeek(engine, previousWeek(this.week), (from) => edits.copyLastWeek(from, into));
		return copied.ok ? { ok: true, count: copied.ids.length } : copied;
	}

	submit(): edits.EditResult {
		return this.notOpen ?? edits.submitTimesheet(this.sheet);
	}

	/**
	 * Adds an expense, with its receipt photo kept on this device until the
	 * upload queue sends it (offline too). The expense is checked first, so a
	 * refused one leaves no upload behind.
	 */
	async addExpense(fields: edits.ExpenseFields, receipt: File | null): Promise<edits.EditResult> {
		const engine = this.opened.engine;
		if (this.notOpen || !engine) return this.notOpen ?? { ok: false, errors: ['The week is still opening.'] };
		const problems = edits.expenseProblems(this.sheet, fields);
		if (problems.length > 0) return { ok: false, errors: problems };
		if (!receipt) return edits.addExpense(this.sheet, fields);
		let result: edits.EditResult = { ok: false, errors: ['The receipt was not kept.'] };
		const refused = await attachFiles(engine.db, [receipt], engine.user.id, (file) => (result = edits.addExpense(this.sheet, { ...fields, receiptFileId: file.fileId })));
		return refused.length > 0 ? { ok: false, errors: refused } : result;
	}

	async removeExpense(expense: ExpenseRecord): Promise<edits.EditResult> {
		const result = this.notOpen ?? edits.removeExpense(this.sheet, expense.id);
		const engine = this.opened.engine;
		if (result.ok && expense.receiptFileId && engine) await uploadQueue(engine.db).discard(expense.receiptFileId);
		return result;
	}

	receiptState(fileId: string): UploadState | null {
		return this.opened.engine ? uploadQueue(this.opened.engine.db).stateOf(fileId) : null;
	}
}
