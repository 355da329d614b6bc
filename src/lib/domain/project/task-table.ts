/**
 * The list view's table: tasks sorted by a column the person picks, in
 * either direction, within each phase. Blank values (no due date, no
 * estimate) sort last either way, so what is set stays on top.
 */

export const TASK_SORTS = ['board', 'title', 'status', 'assignees', 'estimate', 'actual', 'start', 'due'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export interface SortableTask {
	id: string;
	title: string;
	estimateMinutes: number | null;
	start: string | null;
	due: string | null;
}

export interface SortContext {
	/** the task's place on the board (column, then rank): the order "board" keeps */
	boardPlace: (id: string) => number;
	statusName: (id: string) => string;
	assigneeNames: (id: string) => string;
	actualMinutes: (id: string) => number;
}

type Value = string | number | null;

function valueOf(task: SortableTask, sort: TaskSort, context: SortContext): Value {
	switch (sort) {
		case 'board':
			return context.boardPlace(task.id);
		case 'title':
			return task.title.toLocaleLowerCase();
		case 'status':
			return context.statusName(task.id).toLocaleLowerCase();
		case 'assignees':
			return context.assigneeNames(task.id).toLocaleLowerCase() || null;
		case 'estimate':
			return task.estimateMinutes;
		case 'actual':
			return context.actualMinutes(task.id) || null;
		case 'start':
			return task.start;
		case 'due':
			return task.due;
	}
}

/** The tasks in the order of `sort` (descending when `descending`), blanks last, ties in board order. */
export function sortTasks<T extends SortableTask>(tasks: readonly T[], sort: TaskSort, descending: boolean, context: SortContext): T[] {
	const keyed = tasks.map((task) => ({ task, value: valueOf(task, sort, context), place: context.boardPlace(task.id) }));
	keyed.sort((a, b) => {
		if (a.value === null || b.value === null) return a.value === b.value ? a.place - b.place : a.value === null ? 1 : -1;
		const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
		return (descending ? -order : order) || a.place - b.place;
	});
	return keyed.map((k) => k.task);
}
