import type * as Y from 'yjs';
import { liveAttachments, type Attachment } from '#lib/domain/documents/attachments.js';
import { projectCollection, type Problem } from '#lib/domain/documents/project.js';
import { cycleMessage, findCycle } from '#lib/domain/project/dependencies.js';
import { boardColumns, keyMove, type BoardColumn, type MoveKey } from '#lib/domain/project/board.js';
import * as edits from '#lib/domain/project/edits.js';
import { projectProject, type ProjectPhaseRow, type ProjectRow, type TaskRow } from '#lib/domain/project/projection.js';
import { byRank } from '#lib/domain/project/ranks.js';
import { columnRecord, type ProjectRecord } from '#lib/domain/project/schema.js';
import type { TaskToAdd } from '#lib/domain/project/task-import.js';
import { copyPlan, readPlan } from '#lib/domain/project/template.js';
import { datesProblem } from '#lib/domain/project/work.js';
import type { DocHandle, DocState, PresenceUser } from '../doc-handle.svelte.js';
import { useSync } from '../engine.svelte.js';
import { OpenDoc, type OpenStatus } from '../open-doc.svelte.js';
import { DocFiles } from '../uploads/doc-files.js';
import { createFromPlan } from './templates.js';

/** Tasks written per transaction by an import: one update each, and the page repaints between them. */
const IMPORT_BATCH = 50;

/** The fields of a project a person edits (its id and creation stay as made). */
export type ProjectChanges = Partial<Omit<ProjectRecord, 'id' | 'createdAt'>>;

/** The fields of a task a person edits in place; its column and dependencies have their own edits. */
export type TaskChanges = edits.TaskChanges;

/**
 * The state of one project (`T:project:ID`) for every project screen — the
 * board, the list, the Gantt chart: the live content of its document, who else
 * has it open, and every edit (through `#lib/domain/project/edits.js`). Edits
 * go to the Y.Doc, which saves to IndexedDB and syncs on its own, so all of
 * it works offline; a move shows for everyone with the project open within
 * one round trip.
 *
 * Usage: `const project = new ProjectDoc(id); $effect(() => project.open());`
 * then read `project.board`, `project.tasks`… and call its edits. Edits that
 * can be refused return the message to show (null when done).
 */
export class ProjectDoc {
	/** the project with its progress (task counts, estimate, percent complete); null until loaded */
	project: ProjectRow | null = $state.raw(null);
	/** live phases in their order */
	phases: ProjectPhaseRow[] = $state.raw([]);
	/** live tasks (milestones among them), each with whether its column counts as done */
	tasks: TaskRow[] = $state.raw([]);
	/** the board: the live columns in order, each with its live cards in board order */
	board: BoardColumn<TaskRow>[] = $state.raw([]);
	/** what the document holds that does not validate (the admin's Sync problems page lists them too) */
	problems: Problem[] = $state.raw([]);
	/** the project's files (plans, quotes, diagrams), oldest first */
	attachments: Attachment[] = $state.raw([]);
	/** tasks that wait on each other in a circle (two offline edits, each safe, merged into one), named; null when none */
	cycle: string | null = $state(null);
	private readonly opened = new OpenDoc();
	private hasContent = $state(false);

	constructor(readonly id: string) {}

	/** attach files (kept on this device until uploaded), remove them, each upload's state */
	readonly files = new DocFiles(() => this.doc, () => this.opened.engine, 'project');

	/** the live milestones, soonest due first (no due date last) */
	readonly milestones: TaskRow[] = $derived(this.tasks.filter((t) => t.milestone).sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title)));

	/** the live tasks by id */
	private readonly byId: ReadonlyMap<string, TaskRow> = $derived(new Map(this.tasks.map((t) => [t.id, t])));

	/** The task with this id, if live. */
	task(id: string): TaskRow | undefined {
		return this.byId.get(id);
	}

	/** Where the page stands (see OpenStatus). */
	get status(): OpenStatus {
		return this.opened.status(this.hasContent);
	}

	/** where this document stands with the server (offline, syncing, synced) */
	get syncState(): DocState | null {
		return this.handle?.state ?? null;
	}

	/** changes made here the server has not acknowledged yet */
	get pending(): number {
		return this.handle?.pending ?? 0;
	}

	/** the others with this project open now (on any of its screens) */
	get viewers(): PresenceUser[] {
		return this.opened.viewers;
	}

	/** the person's role may read the project but not change it */
	get readOnly(): boolean {
		return this.handle?.readOnly ?? false;
	}

	private get handle(): DocHandle | null {
		return this.opened.handle;
	}

	/** Opens the document (browser only; call from an effect). Returns the function that closes it. */
	open(): () => void {
		let frame = 0;
		const close = this.opened.open({
			name: (engine) => edits.projectDocName(engine.session.tenant.id, this.id),
			// a burst of updates (a first sync, a drag) is one read per frame
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
		const handle = this.handle;
		if (!handle) return;
		const doc = handle.doc;
		this.hasContent = doc.getMap('project').size > 0;
		const projection = projectProject(handle.name, doc);
		this.project = projection.projects[0] ?? null;
		this.phases = byRank(projection.projectPhases.filter((p) => !p.deletedAt));
		this.tasks = projection.tasks.filter((t) => !t.deletedAt);
		this.board = boardColumns(projectCollection(doc, 'columns', columnRecord, {}, []), this.tasks);
		this.problems = projection.problems;
		this.attachments = liveAttachments(doc);
		const cycle = findCycle(this.tasks);
		const titles = new Map(this.tasks.map((t) => [t.id, t.title]));
		this.cycle = cycle ? cycleMessage(cycle, (id) => titles.get(id)) : null;
	}

	private get doc(): Y.Doc {
		if (!this.handle) throw new Error('the project is not open');
		return this.handle.doc;
	}

	/** Runs an edit and reads the document at once: the person's own change shows without waiting a frame. */
	private edit<T>(change: (doc: Y.Doc) => T): T {
		const result = change(this.doc);
		this.read();
		return result;
	}

	/** A change to the board's columns or the phases (domain/project/structure.ts); returns what it returns. */
	reshape<T>(change: (doc: Y.Doc) => T): T {
		return this.edit(change);
	}

	/** Changes the project's fields; refuses a blank name and a due date before the start. */
	update(changes: ProjectChanges): string | null {
		if (changes.name !== undefined && !changes.name.trim()) return 'A project needs a name';
		const start = changes.start !== undefined ? changes.start : (this.project?.start ?? null);
		const due = changes.due !== undefined ? changes.due : (this.project?.due ?? null);
		const problem = datesProblem(start, due);
		if (problem) return problem;
		this.edit((doc) => edits.updateProject(doc, { ...changes, ...(changes.name !== undefined ? { name: changes.name.trim() } : {}) }));
		return null;
	}

	/** Adds a phase after the others; the message when refused. */
	addPhase(phase: { name: string; start?: string | null; due?: string | null }): string | null {
		if (!phase.name.trim()) return 'A phase needs a name';
		const problem = datesProblem(phase.start ?? null, phase.due ?? null);
		if (problem) return problem;
		this.edit((doc) => edits.addPhase(doc, phase));
		return null;
	}

	/** Adds a task at the bottom of its column (the first, unless told). Resolves to its id, or the message when refused. */
	addTask(task: edits.NewTask): { id: string } | { error: string } {
		if (!task.title.trim()) return { error: 'A task needs a title' };
		const problem = datesProblem(task.start ?? null, task.due ?? null);
		if (problem) return { error: problem };
		return { id: this.edit((doc) => edits.addTask(doc, { status: this.board[0]?.id, ...task })) };
	}

	/** Changes a task's own fields; refuses a blank title and a due date before the start. */
	updateTask(id: string, changes: TaskChanges): string | null {
		const task = this.task(id);
		if (!task) return 'This task is no longer in the project';
		if (changes.title !== undefined && !changes.title.trim()) return 'A task needs a title';
		const problem = datesProblem(changes.start !== undefined ? changes.start : task.start, changes.due !== undefined ? changes.due : task.due);
		if (problem) return problem;
		this.edit((doc) => edits.updateTask(doc, id, { ...changes, ...(changes.title !== undefined ? { title: changes.title.trim() } : {}) }));
		return null;
	}

	/** A drag: the card goes to `column` at `index` among that column's other cards (see board.ts `dropIndex`). */
	moveTask(id: string, column: string, index: number): void {
		this.edit((doc) => edits.moveTask(doc, id, column, index));
	}

	/** A move from the keyboard (Alt+arrows): false at an edge. */
	keyMove(id: string, key: MoveKey): boolean {
		const to = keyMove(this.board, id, key);
		if (!to) return false;
		this.moveTask(id, to.column, to.index);
		return true;
	}

	/** Puts a task at the bottom of another column (its status, from a menu). */
	setColumn(id: string, column: string): void {
		if (this.task(id)?.status === column) return;
		const cards = this.board.find((c) => c.id === column)?.cards ?? [];
		this.moveTask(id, column, cards.length);
	}

	/**
	 * Marks a task (a milestone) complete or not: it moves to the end of the
	 * first done column, or back to the first open one, which stamps or clears
	 * its completion as a drag there would.
	 */
	setCompleted(id: string, completed: boolean): void {
		const target = this.board.find((c) => !c.stray && c.done === completed);
		if (target) this.setColumn(id, target.id);
	}

	/** Sets the tasks `id` waits on; the message naming the cycle when that would make tasks wait on each other. */
	setDependencies(id: string, dependencies: string[]): string | null {
		return this.edit((doc) => edits.setDependencies(doc, id, dependencies));
	}

	removeTask(id: string): void {
		this.edit((doc) => edits.removeTask(doc, id));
	}

	/**
	 * Adds imported tasks in batches, reporting how many are in after each;
	 * dependencies are set once every task exists. Resolves to the count added.
	 */
	async importTasks(tasks: readonly TaskToAdd[], onProgress: (done: number) => void): Promise<number> {
		const ids = tasks.map(() => edits.newId());
		for (let from = 0; from < tasks.length; from += IMPORT_BATCH) {
			this.doc.transact(() => {
				tasks.slice(from, from + IMPORT_BATCH).forEach((task, i) => edits.addTask(this.doc, { ...task }, ids[from + i]));
			});
			onProgress(Math.min(from + IMPORT_BATCH, tasks.length));
			await new Promise((resolve) => requestAnimationFrame(resolve));
		}
		this.edit((doc) =>
			doc.transact(() => {
				tasks.forEach((task, i) => {
					// the preview refused cycles, so this cannot be refused
					if (task.dependsOn.length) edits.setDependencies(doc, ids[i], task.dependsOn.map((at) => ids[at]));
				});
			})
		);
		return tasks.length;
	}

	/** Saves a copy of this project as a template (dates as they are); returns the template's id. */
	async saveAsTemplate(name: string, keepAssignees: boolean): Promise<string> {
		const plan = readPlan(this.doc);
		if (!plan) throw new Error('This project cannot be read, so it cannot be saved as a template.');
		const id = edits.newId();
		await createFromPlan(copyPlan(plan, { id, name, template: true, keepAssignees }));
		return id;
	}

	/** Tasks in the order of the list view: by phase (in phase order, no phase last), then board column and rank. */
	readonly tasksByPhase: { phase: ProjectPhaseRow | null; tasks: TaskRow[] }[] = $derived.by(() => {
		const inBoardOrder = (tasks: TaskRow[]) => {
			const wanted = new Set(tasks);
			return this.board.flatMap((column) => column.cards.filter((card) => wanted.has(card)));
		};
		const known = new Set(this.phases.map((p) => p.id));
		const groups = this.phases.map((phase) => ({ phase, tasks: inBoardOrder(this.tasks.filter((t) => t.phaseId === phase.id)) }));
		const loose = this.tasks.filter((t) => !t.phaseId || !known.has(t.phaseId));
		return loose.length > 0 ? [...groups, { phase: null, tasks: inBoardOrder(loose) }] : groups;
	});
}

/**
 * Creates a project on this device (works offline), with the default board
 * columns, and returns its id. It is in the portfolio at once.
 */
export async function createProjectHere(fields: edits.NewProject): Promise<{ id: string } | { error: string }> {
	if (!fields.name.trim()) return { error: 'A project needs a name' };
	const problem = datesProblem(fields.start ?? null, fields.due ?? null);
	if (problem) return { error: problem };
	const engine = await useSync();
	const id = edits.newId();
	const name = edits.projectDocName(engine.session.tenant.id, id);
	const handle = await engine.pool.acquire(name);
	try {
		edits.createProject(handle.doc, id, fields);
		await engine.rows.project(name, handle.doc);
	} finally {
		engine.pool.release(handle);
	}
	return { id };
}
