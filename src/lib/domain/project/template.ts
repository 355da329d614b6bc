import type * as Y from 'yjs';
import { formatDay, parseDay } from '../contracts/days.js';
import { projectCollection, validateRecord } from '../documents/project.js';
import { rankBetween } from '../documents/ranks.js';
import { initMeta, setEntity, upsertRecord, type PlainRecord } from '../documents/shape.js';
import { newId as uuid } from './edits.js';
import { byRank } from './ranks.js';
import { columnRecord, DEFAULT_COLUMNS, phaseRecord, projectRecord, taskRecord, type ColumnRecord, type PhaseRecord, type ProjectRecord, type TaskRecord } from './schema.js';

/**
 * Templates (issue 6): a template is a project document whose entity is
 * flagged `template`. Saving a project as a template and starting a project
 * from one are the same copy — every record gets a new id, dependencies follow
 * their tasks to the new ids, ranks are kept so the board and phases keep
 * their order, and every date moves by the same number of days, so the
 * source's start lands on the chosen start and the gaps between dates stay.
 */

/** A project document's live records as plain values. */
export interface ProjectPlan {
	project: ProjectRecord;
	phases: PhaseRecord[];
	tasks: TaskRecord[];
	columns: ColumnRecord[];
}

export interface CopyOptions {
	id: string;
	name: string;
	/** the day the copy's first date falls on; unset: the dates stay as they are */
	start?: string | null;
	template: boolean;
	customerId?: string | null;
	contractId?: string | null;
	/** keep who works on each task (a template for one team); otherwise tasks start unassigned */
	keepAssignees: boolean;
	now?: Date;
	/** makes the records' new ids (tests pass a counter) */
	newId?: () => string;
}

/** The document's live records; null while it holds no valid project. */
export function readPlan(doc: Y.Doc): ProjectPlan | null {
	const entity = doc.getMap('project');
	const id = entity.get('id');
	if (typeof id !== 'string') return null;
	const project = validateRecord(projectRecord, 'project', id, entity, []);
	if (!project) return null;
	const live = <R extends { deletedAt: string | null }>(records: R[]) => records.filter((r) => !r.deletedAt);
	return {
		project,
		phases: live(projectCollection(doc, 'phases', phaseRecord, {}, [])),
		tasks: live(projectCollection(doc, 'tasks', taskRecord, {}, [])),
		columns: live(projectCollection(doc, 'columns', columnRecord, {}, []))
	};
}

/**
 * Where a plan starts: the project's start date, else its earliest date of a
 * phase or task; null when nothing in it is dated.
 */
export function planStart(plan: ProjectPlan): string | null {
	if (plan.project.start) return plan.project.start;
	const dates = [...plan.phases, ...plan.tasks].flatMap((r) => [r.start, r.due]).filter((d): d is string => parseDay(d) !== null);
	return dates.length ? dates.reduce((a, b) => (b < a ? b : a)) : null;
}

/** The board a document made before anyone edited its columns has (see createProject). */
function defaultColumns(): ColumnRecord[] {
	let rank: string | null = null;
	return DEFAULT_COLUMNS.map((c) => ({ ...c, rank: (rank = rankBetween(rank, null)), deletedAt: null }));
}

/** The copy of a plan (pure: the source is not changed). */
export function copyPlan(source: ProjectPlan, options: CopyOptions): ProjectPlan {
	const makeId = options.newId ?? uuid;
	const from = planStart(source);
	const offset = options.start && from ? parseDay(options.start)! - parseDay(from)! : 0;
	const shift = (date: string | null) => {
		const day = parseDay(date);
		return day === null ? null : formatDay(day + offset);
	};
	const phaseIds = new Map(source.phases.map((p) => [p.id, makeId()]));
	const taskIds = new Map(source.tasks.map((t) => [t.id, makeId()]));
	const columns = source.columns.length ? source.columns : defaultColumns();
	const done = new Set(columns.filter((c) => c.done).map((c) => c.id));
	// finished work starts over: a task in a done column goes back to the first open one
	const firstOpen = byRank(columns).find((c) => !c.done)?.id ?? DEFAULT_COLUMNS[0].id;

	return {
		project: {
			...source.project,
			id: options.id,
			name: options.name.trim(),
			customerId: options.customerId === undefined ? source.project.customerId : options.customerId,
			contractId: options.contractId === undefined ? source.project.contractId : options.contractId,
			status: 'planned',
			start: options.start ?? source.project.start,
			due: shift(source.project.due),
			template: options.template,
			createdAt: (options.now ?? new Date()).toISOString(),
			deletedAt: null
		},
		phases: source.phases.map((p) => ({ ...p, id: phaseIds.get(p.id)!, start: shift(p.start), due: shift(p.due) })),
		tasks: source.tasks.map((t) => ({
			...t,
			id: taskIds.get(t.id)!,
			assignees: options.keepAssignees ? t.assignees : [],
			start: shift(t.start),
			due: shift(t.due),
			// a dependency on a task the template no longer has is dropped with it
			dependencies: t.dependencies.flatMap((d) => taskIds.get(d) ?? []),
			status: t.status && !done.has(t.status) ? t.status : firstOpen,
			phaseId: t.phaseId ? (phaseIds.get(t.phaseId) ?? null) : null,
			completedAt: null,
			ticketId: null
		})),
		columns
	};
}

/** Writes a plan into an empty project document, in one transaction (one update to sync). */
export function writePlan(doc: Y.Doc, plan: ProjectPlan): void {
	const list = (ids: string[]) => ids.join(' ');
	doc.transact(() => {
		initMeta(doc, 'project');
		setEntity(doc, 'project', plan.project as unknown as PlainRecord);
		for (const { id, ...phase } of plan.phases) upsertRecord(doc, 'phases', id, phase);
		for (const { id, ...column } of plan.columns) upsertRecord(doc, 'columns', id, column);
		for (const { id, assignees, dependencies, ...task } of plan.tasks) upsertRecord(doc, 'tasks', id, { ...task, assignees: list(assignees), dependencies: list(dependencies) });
	});
}
