import type { ProjectRow, TaskRow } from '../project/projection.js';

/** What a time entry can be on, as its picker offers it: a ticket or a project task. */
export interface WorkChoice {
	id: string;
	kind: 'ticket' | 'task';
	label: string;
	customerId: string | null;
	/** a task's project */
	projectId: string | null;
}

type Project = Pick<ProjectRow, 'id' | 'name' | 'customerId' | 'status' | 'template' | 'deletedAt'>;
type Task = Pick<TaskRow, 'id' | 'title' | 'projectId' | 'done' | 'milestone' | 'deletedAt'>;

const CLOSED = new Set(['done', 'cancelled']);

/**
 * The tasks time can be logged on, as "Project › Task": open tasks of live
 * projects (not templates, not closed), milestones aside (they are dates, not
 * work). Sorted by project, then task, so typing a project's name lists its tasks.
 */
export function taskChoices(projects: readonly Project[], tasks: readonly Task[]): WorkChoice[] {
	const open = new Map(projects.filter((p) => !p.deletedAt && !p.template && !CLOSED.has(p.status)).map((p) => [p.id, p]));
	return tasks
		.filter((t) => !t.deletedAt && !t.done && !t.milestone && open.has(t.projectId))
		.map((t) => {
			const project = open.get(t.projectId)!;
			return { id: t.id, kind: 'task' as const, label: `${project.name} › ${t.title}`, customerId: project.customerId, projectId: project.id };
		})
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** What an entry's fields hold for the chosen ticket or task (or neither). */
export function workTarget(choice: WorkChoice | null): { ticketId: string | null; taskId: string | null; projectId: string | null } {
	if (!choice) return { ticketId: null, taskId: null, projectId: null };
	return choice.kind === 'ticket' ? { ticketId: choice.id, taskId: null, projectId: null } : { ticketId: null, taskId: choice.id, projectId: choice.projectId };
}

/** The choice whose label is what was typed (the picker's list fills it in), or null. */
export function pickedWork(choices: readonly WorkChoice[], text: string): WorkChoice | null {
	const typed = text.trim();
	return choices.find((c) => c.label === typed) ?? null;
}
