/**
 * Estimates against actuals: per task, per phase and for the whole project,
 * from the minutes logged against each task (timesheet entries summed by
 * task), with the project's budget burn and percent complete. Whole minutes
 * throughout; percentages are whole numbers, rounded down so "100%" means done.
 */

export interface RollupTask {
	id: string;
	phaseId: string | null;
	estimateMinutes: number | null;
	/** in a column that counts as done */
	done: boolean;
}

export interface Totals {
	estimateMinutes: number;
	actualMinutes: number;
	/** actual − estimate: positive is over the estimate */
	varianceMinutes: number;
	percentComplete: number;
}

export interface TaskRollup extends Totals {
	taskId: string;
}

export interface PhaseRollup extends Totals {
	/** null: the tasks in no phase */
	phaseId: string | null;
}

export interface ProjectRollup extends Totals {
	budgetMinutes: number | null;
	/** logged ÷ budget, in whole percent (can pass 100); null without a budget */
	burnPercent: number | null;
	remainingBudgetMinutes: number | null;
	overBudget: boolean;
}

export interface Rollup {
	tasks: TaskRollup[];
	phases: PhaseRollup[];
	project: ProjectRollup;
}

const percent = (part: number, whole: number) => Math.floor((100 * part) / whole);

/**
 * Done work weighted by estimate (a done 8-hour task counts more than a done
 * 1-hour one); when nothing is estimated, by the number of tasks.
 */
function percentComplete(tasks: readonly RollupTask[]): number {
	if (tasks.length === 0) return 0;
	const estimate = tasks.reduce((sum, t) => sum + (t.estimateMinutes ?? 0), 0);
	if (estimate === 0) return percent(tasks.filter((t) => t.done).length, tasks.length);
	return percent(tasks.filter((t) => t.done).reduce((sum, t) => sum + (t.estimateMinutes ?? 0), 0), estimate);
}

function totals(tasks: readonly RollupTask[], logged: ReadonlyMap<string, number>): Totals {
	const estimateMinutes = tasks.reduce((sum, t) => sum + (t.estimateMinutes ?? 0), 0);
	const actualMinutes = tasks.reduce((sum, t) => sum + (logged.get(t.id) ?? 0), 0);
	return { estimateMinutes, actualMinutes, varianceMinutes: actualMinutes - estimateMinutes, percentComplete: percentComplete(tasks) };
}

/** The roll-up of a project's live tasks; time logged on tasks not among them is not counted. */
export function rollup(tasks: readonly RollupTask[], logged: ReadonlyMap<string, number>, budgetMinutes: number | null): Rollup {
	const phaseIds = [...new Set(tasks.map((t) => t.phaseId))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
	const project = totals(tasks, logged);
	const budget = budgetMinutes && budgetMinutes > 0 ? budgetMinutes : null;
	return {
		tasks: tasks.map((t) => ({ taskId: t.id, ...totals([t], logged) })),
		phases: phaseIds.map((phaseId) => ({ phaseId, ...totals(tasks.filter((t) => t.phaseId === phaseId), logged) })),
		project: {
			...project,
			budgetMinutes: budget,
			burnPercent: budget === null ? null : percent(project.actualMinutes, budget),
			remainingBudgetMinutes: budget === null ? null : budget - project.actualMinutes,
			overBudget: budget !== null && project.actualMinutes > budget
		}
	};
}
