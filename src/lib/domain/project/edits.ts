import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { docName } from '../documents/names.js';
import { projectCollection } from '../documents/project.js';
import { rankBetween } from '../documents/ranks.js';
import { initMeta, setEntity, upsertRecord, type PlainRecord } from '../documents/shape.js';
import { cycleIfSet, cycleMessage } from './dependencies.js';
import { byRank, rankAt } from './ranks.js';
import { columnRecord, DEFAULT_COLUMNS, phaseRecord, taskRecord, type ProjectRecord, type TaskRecord } from './schema.js';

/**
 * Every change the app makes to a project document (`T:project:ID`), as plain
 * functions of a Y.Doc: the entity `project` and the collections `phases`,
 * `tasks` and `columns`. Lists of ids are stored space-separated (records hold scalars).
 */

export function projectDocName(tenantId: string, projectId: string): string {
	return docName(tenantId, 'project', projectId);
}

export const newId = (): string => uuidv7();

export type NewProject = Pick<ProjectRecord, 'name'> & Partial<Omit<ProjectRecord, 'id' | 'name' | 'createdAt' | 'deletedAt'>>;

/** Fills a new project document, with the default board columns. */
export function createProject(doc: Y.Doc, id: string, fields: NewProject, now = new Date()): void {
	doc.transact(() => {
		initMeta(doc, 'project');
		setEntity(doc, 'project', {
			id,
			name: fields.name.trim(),
			customerId: fields.customerId ?? null,
			contractId: fields.contractId ?? null,
			status: fields.status ?? 'planned',
			start: fields.start ?? null,
			due: fields.due ?? null,
			budgetMinutes: fields.budgetMinutes ?? null,
			budgetMoney: fields.budgetMoney ?? null,
			template: fields.template ?? false,
			createdAt: now.toISOString(),
			deletedAt: null
		});
		let rank: string | null = null;
		for (const column of DEFAULT_COLUMNS) {
			rank = rankBetween(rank, null);
			upsertRecord(doc, 'columns', column.id, { name: column.name, done: column.done, rank, deletedAt: null });
		}
	});
}

export function updateProject(doc: Y.Doc, fields: Partial<Omit<ProjectRecord, 'id' | 'createdAt'>>): void {
	setEntity(doc, 'project', fields as PlainRecord);
}

/** Adds a phase after the others; returns its id. */
export function addPhase(doc: Y.Doc, phase: { name: string; start?: string | null; due?: string | null }, id = newId()): string {
	const last = byRank(projectCollection(doc, 'phases', phaseRecord, {}, [])).at(-1);
	upsertRecord(doc, 'phases', id, { name: phase.name.trim(), start: phase.start ?? null, due: phase.due ?? null, rank: rankBetween(last?.rank ?? null, null), deletedAt: null });
	return id;
}

/** The tasks as the document holds them (records that do not validate left out). */
export function readTasks(doc: Y.Doc): TaskRecord[] {
	return projectCollection(doc, 'tasks', taskRecord, {}, []);
}

/** A column's live cards in board order, optionally leaving one out (the card being moved). */
export function columnCards(doc: Y.Doc, column: string, without?: string): TaskRecord[] {
	return cardsIn(readTasks(doc), column, without);
}

type Place = Pick<TaskRecord, 'id' | 'status' | 'rank' | 'deletedAt'>;

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Where each task sits, read straight off the document: a move needs its
 * column and rank only, and validating every field of 500 tasks was most of a
 * move's time (about 10 ms). A task the projection refuses still has a place,
 * which only spaces the ranks around it.
 */
function taskPlaces(doc: Y.Doc): Place[] {
	const places: Place[] = [];
	doc.getMap('tasks').forEach((value, id) => {
		if (!(value instanceof Y.Map)) return;
		places.push({ id, status: textOrNull(value.get('status')), rank: textOrNull(value.get('rank')), deletedAt: textOrNull(value.get('deletedAt')) });
	});
	return places;
}

function cardsIn<T extends Place>(tasks: readonly T[], column: string, without?: string): T[] {
	return byRank(tasks.filter((t) => t.status === column && !t.deletedAt && t.id !== without));
}

/** Whether a column counts as done: the document's columns, or the default "done" before anyone edited the board. */
function doneColumnTest(doc: Y.Doc): (column: string | null) => boolean {
	const columns = projectCollection(doc, 'columns', columnRecord, {}, []);
	return (column) => column !== null && (columns.length === 0 ? column === 'done' : columns.some((c) => c.id === column && c.done));
}

export interface NewTask {
	title: string;
	status?: string;
	description?: string | null;
	assignees?: string[];
	estimateMinutes?: number | null;
	start?: string | null;
	due?: string | null;
	phaseId?: string | null;
	milestone?: boolean;
	fixedPrice?: number | null;
	ticketId?: string | null;
}

/** Adds a task at the bottom of its column (the first column, "todo", unless told); returns its id. */
export function addTask(doc: Y.Doc, task: NewTask, id = newId()): string {
	const status = task.status ?? DEFAULT_COLUMNS[0].id;
	const cards = columnCards(doc, status);
	upsertRecord(doc, 'tasks', id, {
		title: task.title.trim(),
		description: task.description ?? null,
		assignees: (task.assignees ?? []).join(' '),
		estimateMinutes: task.estimateMinutes ?? null,
		start: task.start ?? null,
		due: task.due ?? null,
		dependencies: '',
		status,
		rank: rankAt(cards, cards.length, id),
		phaseId: task.phaseId ?? null,
		milestone: task.milestone ?? false,
		fixedPrice: task.fixedPrice ?? null,
		completedAt: null,
		ticketId: task.ticketId ?? null,
		deletedAt: null
	});
	return id;
}

export type TaskChanges = Partial<Omit<TaskRecord, 'id' | 'assignees' | 'dependencies' | 'status' | 'rank'>> & { assignees?: string[] };

/** Sets a task's own fields; its place on the board and its dependencies have their own edits. */
export function updateTask(doc: Y.Doc, id: string, changes: TaskChanges): void {
	const { assignees, ...rest } = changes;
	upsertRecord(doc, 'tasks', id, { ...(rest as PlainRecord), ...(assignees ? { assignees: assignees.join(' ') } : {}) });
}

/**
 * A drag on the board: the card goes to `column` at `index` (of that column's
 * other cards). Only its status and rank change, plus when it was completed
 * if it enters or leaves a done column.
 */
export function moveTask(doc: Y.Doc, id: string, column: string, index: number, now = new Date()): void {
	const tasks = taskPlaces(doc);
	const task = tasks.find((t) => t.id === id);
	if (!task) throw new Error(`no task ${id} in this project`);
	const rank = rankAt(cardsIn(tasks, column, id), index, id);
	const done = doneColumnTest(doc);
	const wasDone = done(task.status);
	const isDone = done(column);
	const completedAt: PlainRecord = isDone === wasDone ? {} : { completedAt: isDone ? now.toISOString() : null };
	upsertRecord(doc, 'tasks', id, { status: column, rank, ...completedAt });
}

/**
 * Sets the tasks `id` waits on. Refused, with a message naming the cycle,
 * when that would make tasks wait on each other; returns null when set.
 */
export function setDependencies(doc: Y.Doc, id: string, dependencies: string[]): string | null {
	const live = readTasks(doc).filter((t) => !t.deletedAt);
	const cycle = cycleIfSet(live, id, dependencies);
	if (cycle) return cycleMessage(cycle, (taskId) => live.find((t) => t.id === taskId)?.title);
	upsertRecord(doc, 'tasks', id, { dependencies: [...new Set(dependencies)].join(' ') });
	return null;
}

export function removeTask(doc: Y.Doc, id: string, now = new Date()): void {
	upsertRecord(doc, 'tasks', id, { deletedAt: now.toISOString() });
}
