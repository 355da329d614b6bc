import { liveQuery } from 'dexie';
import { isLiveProject } from '#lib/domain/project/portfolio.js';
import type { LocalTask } from '../db.js';
import { ProjectDoc } from './project-doc.svelte.js';
import { ProjectsLink, type ProjectsData } from './projects-data.svelte.js';

/** A ticket's task: where it is, for the links both ways. */
export interface TicketTaskLink {
	taskId: string;
	title: string;
	projectId: string;
	projectName: string;
}

/** What the ticket brings to its task. */
export interface TicketForTask {
	title: string;
	description: string | null;
}

const CLOSED = new Set(['done', 'cancelled']);

/**
 * A ticket's place in the projects (the ticket page's "Project task"): the
 * tasks made from it, read from the row index, and adding it to a project as
 * a task. Picking a project opens its document, which offers its columns and
 * phases and takes the task, offline too when the project is on this device.
 * A ticket is made a task once: with a task somewhere, the page shows the
 * link instead of the form, and the project's own document refuses a second.
 */
export class TicketTask {
	/** the live tasks made from this ticket (one, unless two devices made it at once offline) */
	readonly links: TicketTaskLink[];
	/** the row index has been read once */
	loaded = $state(false);
	/** the project picked to add the task to; null until one is */
	target: ProjectDoc | null = $state.raw(null);
	private tasks: LocalTask[] = $state.raw([]);
	private closeTarget = () => {};
	private readonly link = new ProjectsLink();

	/** `customerId`: the ticket's customer, whose projects come first */
	constructor(
		readonly ticketId: string,
		private readonly customerId: () => string | null
	) {
		this.links = $derived(this.tasks.map((task) => ({ taskId: task.id, title: task.title, projectId: task.projectId, projectName: this.projectName(task.projectId) })));
	}

	private get data(): ProjectsData | null {
		return this.link.data;
	}

	private projectName(id: string): string {
		return this.data?.projects.rows.find((p) => p.id === id)?.name ?? 'a project';
	}

	/** Open projects a task can go to: the ticket's customer's first, then the others, each by name. */
	readonly projects: { value: string; label: string }[] = $derived.by(() => {
		const customer = this.customerId();
		const open = (this.data?.projects.rows ?? []).filter((p) => isLiveProject(p) && !CLOSED.has(p.status));
		const rank = (p: { customerId: string | null }) => (customer && p.customerId === customer ? 0 : 1);
		return open.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).map((p) => ({ value: p.id, label: p.name }));
	});

	/** The picked project's board columns (the task's status) and phases. */
	get columns(): { value: string; label: string }[] {
		return (this.target?.board ?? []).filter((c) => !c.stray).map((c) => ({ value: c.id, label: c.name }));
	}

	get phases(): { value: string; label: string }[] {
		return (this.target?.phases ?? []).map((p) => ({ value: p.id, label: p.name }));
	}

	/** Opens the project the task will go to (closing the one picked before); '' picks none. */
	pick(projectId: string): void {
		this.closeTarget();
		this.closeTarget = () => {};
		this.target = projectId ? new ProjectDoc(projectId) : null;
		if (this.target) this.closeTarget = this.target.open();
	}

	/** Adds the ticket to the picked project; the message when refused, null when added. */
	add(ticket: TicketForTask, place: { status: string; phaseId: string | null }): string | null {
		const target = this.target;
		if (!target || target.status !== 'ready') return 'Pick a project that has opened';
		if (this.links.length > 0 || target.tasks.some((t) => t.ticketId === this.ticketId)) return 'This ticket is already a task';
		const added = target.addTask({ title: ticket.title, description: ticket.description, status: place.status || undefined, phaseId: place.phaseId, ticketId: this.ticketId });
		return 'error' in added ? added.error : null;
	}

	/** Follows the ticket's tasks (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		const unlink = this.link.start();
		let subscription: { unsubscribe(): void } | undefined;
		const effects = $effect.root(() => {
			$effect(() => {
				const db = this.data?.engine.db;
				if (!db) return;
				subscription = liveQuery(() => db.tasks.where('ticketId').equals(this.ticketId).toArray()).subscribe({
					next: (tasks) => {
						this.tasks = tasks.filter((t) => !t.deletedAt);
						this.loaded = true;
					},
					error: (error) => console.warn('projects: could not read the ticket’s tasks', error)
				});
				return () => subscription?.unsubscribe();
			});
		});
		return () => {
			effects();
			unlink();
			this.pick('');
		};
	}
}
