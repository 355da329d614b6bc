import { z } from 'zod';
import { count, date, flag, id, idList, instant, money, optionalId, optionalText, text } from '../documents/fields.js';

/**
 * Validation of each record of a project document (`T:project:ID`), shared by
 * the materializer and the browser: the entity `project`, and the collections
 * `phases`, `tasks` and `columns` (the board's columns, which are the task statuses).
 */

export const PROJECT_STATUSES = ['planned', 'active', 'on-hold', 'done', 'cancelled'] as const;

/** The board every project starts with; people add, rename and reorder columns per project. */
export const DEFAULT_COLUMNS = [
	{ id: 'todo', name: 'To do', done: false },
	{ id: 'doing', name: 'In progress', done: false },
	{ id: 'review', name: 'Review', done: false },
	{ id: 'done', name: 'Done', done: true }
] as const;

/** A duration of whole minutes, at most a year of work. */
const minutes = count(60 * 24 * 366);

export const projectRecord = z.object({
	id,
	name: text(300).min(1, 'a project needs a name'),
	customerId: optionalId,
	contractId: optionalId,
	status: z.enum(PROJECT_STATUSES).catch('planned'),
	start: date,
	due: date,
	budgetMinutes: minutes,
	budgetMoney: money,
	/** a template: listed to start new projects from, not in the portfolio (template.ts) */
	template: flag,
	createdAt: instant,
	deletedAt: instant
});

export const phaseRecord = z.object({
	id,
	name: text(300).min(1, 'a phase needs a name'),
	rank: optionalText(64),
	start: date,
	due: date,
	deletedAt: instant
});

export const taskRecord = z.object({
	id,
	title: text(500).min(1, 'a task needs a title'),
	description: optionalText(20_000),
	/** the people working on it, space-separated user ids */
	assignees: idList,
	estimateMinutes: minutes,
	start: date,
	due: date,
	/** the tasks that must finish first, space-separated task ids */
	dependencies: idList,
	/** the id of its board column */
	status: optionalId,
	/** fractional rank within its column (documents/ranks.ts) */
	rank: optionalText(64),
	phaseId: optionalId,
	/** a milestone; with a fixed price it is what billing invoices when it completes */
	milestone: flag,
	fixedPrice: money,
	completedAt: instant,
	/** the ticket this task was made from */
	ticketId: optionalId,
	deletedAt: instant
});

export const columnRecord = z.object({
	id,
	name: text(120).min(1, 'a column needs a name'),
	rank: optionalText(64),
	/** a task in this column counts as complete */
	done: flag,
	deletedAt: instant
});

export type ProjectRecord = z.infer<typeof projectRecord>;
export type PhaseRecord = z.infer<typeof phaseRecord>;
export type TaskRecord = z.infer<typeof taskRecord>;
export type ColumnRecord = z.infer<typeof columnRecord>;
/** A project as pickers list it (`GET /api/v1/projects`): to start one from a template, or to add a ticket's task to. */
export type ProjectChoice = Pick<ProjectRecord, 'id' | 'name' | 'customerId' | 'start' | 'due' | 'status' | 'template'>;
