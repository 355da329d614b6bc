import type * as Y from 'yjs';
import { projectCollection } from '../documents/project.js';
import { upsertRecord } from '../documents/shape.js';
import { newId, readTasks } from './edits.js';
import { byRank, rankAt } from './ranks.js';
import { columnRecord, DEFAULT_COLUMNS, phaseRecord, type ColumnRecord, type PhaseRecord } from './schema.js';

/**
 * A project's structure: its board columns (the task statuses) and its
 * phases, added, renamed, reordered and removed. Each edit returns null, or
 * the reason it is refused: a removed column would strand its cards, so it
 * must be empty; the board keeps one column at least, and one that counts as
 * done. A removed phase lets its tasks go to "no phase", never away.
 */

export type StructureResult = string | null;

const NAME_MAX = 120;

/** The live columns in board order. A board nobody edited has the default ones, written on the first edit. */
export function readColumns(doc: Y.Doc): ColumnRecord[] {
	return byRank(projectCollection(doc, 'columns', columnRecord, {}, []).filter((c) => !c.deletedAt));
}

function ensureColumns(doc: Y.Doc): ColumnRecord[] {
	if (projectCollection(doc, 'columns', columnRecord, {}, []).length > 0) return readColumns(doc);
	DEFAULT_COLUMNS.forEach((c, i) => upsertRecord(doc, 'columns', c.id, { name: c.name, done: c.done, rank: String(i + 1), deletedAt: null }));
	return readColumns(doc);
}

const livePhases = (doc: Y.Doc): PhaseRecord[] => byRank(projectCollection(doc, 'phases', phaseRecord, {}, []).filter((p) => !p.deletedAt));

function nameProblem(name: string, taken: { id: string; name: string }[], what: string, id?: string): StructureResult {
	const trimmed = name.trim();
	if (!trimmed) return `A ${what} needs a name.`;
	if (trimmed.length > NAME_MAX) return `Keep the ${what}’s name under ${NAME_MAX} characters.`;
	const twin = taken.find((t) => t.id !== id && t.name.trim().toLocaleLowerCase() === trimmed.toLocaleLowerCase());
	return twin ? `There is already a ${what} named ${twin.name}.` : null;
}

export function addColumn(doc: Y.Doc, name: string, done = false): { id: string } | { error: string } {
	let result: { id: string } | { error: string } = { error: '' };
	doc.transact(() => {
		const columns = ensureColumns(doc);
		const problem = nameProblem(name, columns, 'column');
		if (problem) return void (result = { error: problem });
		const id = newId();
		upsertRecord(doc, 'columns', id, { name: name.trim(), done, rank: rankAt(columns, columns.length, id), deletedAt: null });
		result = { id };
	});
	return result;
}

export function renameColumn(doc: Y.Doc, id: string, name: string): StructureResult {
	let problem: StructureResult = null;
	doc.transact(() => {
		problem = nameProblem(name, ensureColumns(doc), 'column', id);
		if (!problem) upsertRecord(doc, 'columns', id, { name: name.trim() });
	});
	return problem;
}

/** Whether tasks in the column count as complete; its tasks' completion dates follow. */
export function setColumnDone(doc: Y.Doc, id: string, done: boolean, now = new Date()): StructureResult {
	let problem: StructureResult = null;
	doc.transact(() => {
		const columns = ensureColumns(doc);
		if (!done && columns.filter((c) => c.done && c.id !== id).length === 0) return void (problem = 'Keep one column that counts as done: finished tasks go there.');
		upsertRecord(doc, 'columns', id, { done });
		for (const task of readTasks(doc).filter((t) => t.status === id && !t.deletedAt)) upsertRecord(doc, 'tasks', task.id, { completedAt: done ? (task.completedAt ?? now.toISOString()) : null });
	});
	return problem;
}

/** Moves a column one place left (-1) or right (+1). */
export function shiftColumn(doc: Y.Doc, id: string, by: -1 | 1): void {
	doc.transact(() => {
		const columns = ensureColumns(doc);
		const from = columns.findIndex((c) => c.id === id);
		const to = from + by;
		if (from < 0 || to < 0 || to >= columns.length) return;
		const others = columns.filter((c) => c.id !== id);
		upsertRecord(doc, 'columns', id, { rank: rankAt(others, to, id) });
	});
}

export function removeColumn(doc: Y.Doc, id: string, now = new Date()): StructureResult {
	let problem: StructureResult = null;
	doc.transact(() => {
		const columns = ensureColumns(doc);
		const column = columns.find((c) => c.id === id);
		if (!column) return;
		const cards = readTasks(doc).filter((t) => t.status === id && !t.deletedAt).length;
		if (cards > 0) problem = `Move the ${cards === 1 ? 'task' : `${cards} tasks`} out of ${column.name} first.`;
		else if (columns.length === 1) problem = 'A board keeps one column at least.';
		else if (column.done && columns.filter((c) => c.done).length === 1) problem = 'Keep one column that counts as done: mark another one done first.';
		else upsertRecord(doc, 'columns', id, { deletedAt: now.toISOString() });
	});
	return problem;
}

export function renamePhase(doc: Y.Doc, id: string, name: string): StructureResult {
	const problem = nameProblem(name, livePhases(doc), 'phase', id);
	if (!problem) upsertRecord(doc, 'phases', id, { name: name.trim() });
	return problem;
}

export function setPhaseDates(doc: Y.Doc, id: string, dates: { start: string | null; due: string | null }): StructureResult {
	if (dates.start && dates.due && dates.due < dates.start) return 'The phase ends before it starts.';
	upsertRecord(doc, 'phases', id, dates);
	return null;
}

/** Moves a phase one place up (-1) or down (+1). */
export function shiftPhase(doc: Y.Doc, id: string, by: -1 | 1): void {
	const phases = livePhases(doc);
	const to = phases.findIndex((p) => p.id === id) + by;
	if (to < 0 || to >= phases.length || !phases.some((p) => p.id === id)) return;
	upsertRecord(doc, 'phases', id, { rank: rankAt(phases.filter((p) => p.id !== id), to, id) });
}

/** Removes a phase; its tasks stay, with no phase. */
export function removePhase(doc: Y.Doc, id: string, now = new Date()): void {
	doc.transact(() => {
		for (const task of readTasks(doc).filter((t) => t.phaseId === id)) upsertRecord(doc, 'tasks', task.id, { phaseId: null });
		upsertRecord(doc, 'phases', id, { deletedAt: now.toISOString() });
	});
}
