/**
 * Task dependencies (a task's `dependencies` are the tasks that must finish
 * first): finding a cycle, so a change that would make one is refused with a
 * message that names it, and the order the Gantt chart lists tasks in.
 */

export interface DependentTask {
	id: string;
	dependencies: readonly string[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function graph(tasks: readonly DependentTask[]): Map<string, string[]> {
	const known = new Set(tasks.map((t) => t.id));
	// a dependency on a task that is not (or no longer) in the project constrains nothing
	return new Map(tasks.map((t) => [t.id, [...new Set(t.dependencies)].filter((d) => known.has(d)).sort(compare)]));
}

/**
 * The first cycle found, as the path of ids that closes it (`[a, b, a]`: a
 * waits on b, which waits on a), or null. Searched in id order, so every
 * replica names the same cycle.
 */
export function findCycle(tasks: readonly DependentTask[]): string[] | null {
	const edges = graph(tasks);
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (id: string): string[] | null => {
		if (state.get(id) === 'done') return null;
		if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
		state.set(id, 'open');
		path.push(id);
		for (const next of edges.get(id) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		path.pop();
		state.set(id, 'done');
		return null;
	};
	for (const id of [...edges.keys()].sort(compare)) {
		const cycle = visit(id);
		if (cycle) return cycle;
	}
	return null;
}

/** What a person reads when a change would make tasks wait on each other forever. */
export function cycleMessage(cycle: readonly string[], titleOf: (id: string) => string | undefined): string {
	const names = cycle.map((id) => `“${titleOf(id) ?? id}”`);
	if (cycle.length === 2) return `${names[0]} cannot depend on itself.`;
	return `These tasks would wait on each other in a circle: ${names.join(' → ')}. Remove one of these dependencies.`;
}

/** The cycle `taskId` would be part of if it depended on `dependencies`, or null when the change is safe. */
export function cycleIfSet(tasks: readonly DependentTask[], taskId: string, dependencies: readonly string[]): string[] | null {
	const changed = tasks.some((t) => t.id === taskId) ? tasks.map((t) => (t.id === taskId ? { id: t.id, dependencies } : t)) : [...tasks, { id: taskId, dependencies }];
	return findCycle(changed);
}

export interface GanttTask extends DependentTask {
	start: string | null;
	rank: string | null;
}

const key = (t: GanttTask) => `${t.start ?? '9999-99-99'}\u0000${t.rank ?? ''}\u0000${t.id}`;

/**
 * The Gantt chart's rows: every task after the tasks it depends on; among the
 * tasks free to come next, the earliest start first (then rank, then id).
 * Tasks caught in a cycle (a replica merged two safe edits into one) follow
 * at the end in the same order rather than disappearing.
 */
export function ganttOrder<T extends GanttTask>(tasks: readonly T[]): T[] {
	const edges = graph(tasks);
	const byId = new Map(tasks.map((t) => [t.id, t]));
	const waiting = new Map([...edges].map(([id, deps]) => [id, deps.length]));
	const dependents = new Map<string, string[]>();
	for (const [id, deps] of edges) for (const d of deps) dependents.set(d, [...(dependents.get(d) ?? []), id]);
	const ready = tasks.filter((t) => waiting.get(t.id) === 0);
	const out: T[] = [];
	while (ready.length > 0) {
		ready.sort((a, b) => compare(key(a), key(b)));
		const next = ready.shift()!;
		out.push(next);
		for (const id of dependents.get(next.id) ?? []) {
			const left = waiting.get(id)! - 1;
			waiting.set(id, left);
			if (left === 0) ready.push(byId.get(id)!);
		}
	}
	const placed = new Set(out.map((t) => t.id));
	return [...out, ...tasks.filter((t) => !placed.has(t.id)).sort((a, b) => compare(key(a), key(b)))];
}
