import type * as Y from 'yjs';
import * as edits from '#lib/domain/project/edits.js';
import { projectProject, type ProjectPhaseRow, type ProjectRow, type TaskRow } from '#lib/domain/project/projection.js';
import type { TaskToAdd } from '#lib/domain/project/task-import.js';
import { copyPlan, readPlan, writePlan, type CopyOptions } from '#lib/domain/project/template.js';
import type { DocHandle, DocState, PresenceUser } from '../doc-handle.svelte.js';
import { useSync } from '../engine.svelte.js';
import { OpenDoc, type OpenStatus } from '../open-doc.svelte.js';

/** Tasks written per transaction by an import: one update each, and the page repaints between them. */
const IMPORT_BATCH = 50;

/**
 * The planning pages' state of one project document (Gantt, import, save as
 * template, a ticket's task): its live project, phases and tasks, and the
 * edits those pages make. Edits go to the Y.Doc, which saves to IndexedDB and
 * syncs on its own, so all of it works offline.
 */
export class PlanDoc {
	project: ProjectRow | null = $state.raw(null);
	/** live phases and tasks, as the projection reads them */
	phases: ProjectPhaseRow[] = $state.raw([]);
	tasks: TaskRow[] = $state.raw([]);
	private readonly opened = new OpenDoc();
	private hasContent = $state(false);

	constructor(readonly id: string) {}

	get status(): OpenStatus {
		return this.opened.status(this.hasContent);
	}

	get syncState(): DocState | null {
		return this.handle?.state ?? null;
	}

	get viewers(): PresenceUser[] {
		return this.opened.viewers;
	}

	/** the person's role lets them read this project but not change it */
	get readOnly(): boolean {
		return this.handle?.readOnly ?? false;
	}

	private get handle(): DocHandle | null {
		return this.opened.handle;
	}

	private get doc(): Y.Doc {
		if (!this.handle) throw new Error('the project is not open');
		return this.handle.doc;
	}

	/** Opens the document (browser only; call from an effect). Returns the function that closes it. */
	open(): () => void {
		let frame = 0;
		const close = this.opened.open({
			name: (engine) => edits.projectDocName(engine.session.tenant.id, this.id),
			// an import or a first sync is many updates: one read per frame
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
		this.hasContent = handle.doc.getMap('project').size > 0;
		const rows = projectProject(handle.name, handle.doc);
		this.project = rows.projects[0] ?? null;
		this.phases = rows.projectPhases.filter((p) => !p.deletedAt);
		this.tasks = rows.tasks.filter((t) => !t.deletedAt);
	}

	/** A drag or arrow key on the Gantt chart: new dates for one task. */
	reschedule(taskId: string, dates: { start?: string; due?: string }): void {
		edits.updateTask(this.doc, taskId, dates);
	}

	/** Adds a task at the bottom of the first column; returns its id. */
	addTask(task: edits.NewTask): string {
		return edits.addTask(this.doc, task);
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
		this.doc.transact(() => {
			tasks.forEach((task, i) => {
				// the preview refused cycles, so this cannot be refused
				if (task.dependsOn.length) edits.setDependencies(this.doc, ids[i], task.dependsOn.map((at) => ids[at]));
			});
		});
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
}

/** Writes a new project document on this device (works offline); the server gets it on the next sync. */
async function createFromPlan(plan: ReturnType<typeof copyPlan>): Promise<void> {
	const engine = await useSync();
	const handle = await engine.pool.acquire(edits.projectDocName(engine.session.tenant.id, plan.project.id));
	try {
		writePlan(handle.doc, plan);
	} finally {
		engine.pool.release(handle);
	}
}

/**
 * Starts a project from a template, every date shifted so the template's
 * start is `options.start`; returns the new project's id. The template is
 * read from this device, or fetched when it was never opened here.
 */
export async function startFromTemplate(templateId: string, options: Omit<CopyOptions, 'id' | 'template'>): Promise<string> {
	const engine = await useSync();
	const handle = await engine.pool.acquire(edits.projectDocName(engine.session.tenant.id, templateId));
	try {
		if (handle.doc.getMap('project').size === 0) await handle.settled();
		const plan = readPlan(handle.doc);
		if (!plan) throw new Error(handle.state === 'offline' ? 'This template is not on this device yet. Try again when online.' : 'This template cannot be read.');
		const id = edits.newId();
		await createFromPlan(copyPlan(plan, { ...options, id, template: false }));
		return id;
	} finally {
		engine.pool.release(handle);
	}
}
