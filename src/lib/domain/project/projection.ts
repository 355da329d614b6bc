import type * as Y from 'yjs';
import { parseDocName } from '../documents/names.js';
import { projectCollection, validateRecord, type Problem } from '../documents/project.js';
import { cycleMessage, findCycle } from './dependencies.js';
import { rollup } from './rollup.js';
import { columnRecord, phaseRecord, projectRecord, taskRecord, type ColumnRecord, type PhaseRecord, type ProjectRecord, type TaskRecord } from './schema.js';

/**
 * A project as the portfolio reads it: its fields and what its document alone
 * tells about progress. Logged time lives in timesheets, so actuals and budget
 * burn are rolled up where both are at hand (rollup.ts).
 */
export interface ProjectRow extends ProjectRecord {
	taskCount: number;
	tasksDone: number;
	estimateMinutes: number;
	percentComplete: number;
}

export type ProjectPhaseRow = PhaseRecord & { projectId: string };
/** A task with its project, and whether its column counts as done. */
export type TaskRow = TaskRecord & { projectId: string; done: boolean };

export interface ProjectProjection {
	projects: ProjectRow[];
	projectPhases: ProjectPhaseRow[];
	tasks: TaskRow[];
	problems: Problem[];
}

/** The columns that count as done: the document's own, or the default "done" before anyone edits the board. */
function doneColumns(columns: readonly ColumnRecord[]): Set<string> {
	if (columns.length === 0) return new Set(['done']);
	return new Set(columns.filter((c) => c.done && !c.deletedAt).map((c) => c.id));
}

/** Offline edits can merge into a cycle that no single replica made: it is reported, and the tasks still project. */
function cycleProblem(tasks: readonly TaskRow[]): Problem | null {
	const cycle = findCycle(tasks.filter((t) => !t.deletedAt));
	if (!cycle) return null;
	const titles = new Map(tasks.map((t) => [t.id, t.title]));
	return { collection: 'tasks', recordId: cycle[0], reason: cycleMessage(cycle, (id) => titles.get(id)) };
}

/** `T:project:ID` → its rows. Pure and deterministic, shared by the materializer and the browser. */
export function projectProject(docName: string, doc: Y.Doc): ProjectProjection {
	const name = parseDocName(docName);
	if (!name || name.kind !== 'project' || name.parts.length !== 1) throw new Error(`not a project document: ${docName}`);
	const projectId = name.parts[0];
	const problems: Problem[] = [];
	const extra = { projectId };
	const phases = projectCollection(doc, 'phases', phaseRecord, extra, problems);
	const done = doneColumns(projectCollection(doc, 'columns', columnRecord, {}, problems));
	const tasks = projectCollection(doc, 'tasks', taskRecord, extra, problems).map((t) => ({ ...t, done: t.status !== null && done.has(t.status) }));
	const cycle = cycleProblem(tasks);
	if (cycle) problems.push(cycle);
	const entity = doc.getMap('project');
	const project = entity.size > 0 ? validateRecord(projectRecord, 'project', projectId, entity, problems) : undefined;
	if (!project) return { projects: [], projectPhases: phases, tasks, problems };

	const live = tasks.filter((t) => !t.deletedAt);
	const totals = rollup(live, new Map(), project.budgetMinutes).project;
	return {
		projects: [{ ...project, taskCount: live.length, tasksDone: live.filter((t) => t.done).length, estimateMinutes: totals.estimateMinutes, percentComplete: totals.percentComplete }],
		projectPhases: phases,
		tasks,
		problems
	};
}
