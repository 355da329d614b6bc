import { describe, expect, it } from 'vitest';
import { rollup, type RollupTask } from './rollup.js';

const task = (id: string, phaseId: string | null, estimateMinutes: number | null, done = false): RollupTask => ({ id, phaseId, estimateMinutes, done });

describe('estimate vs actual roll-up', () => {
	// a network refresh: 40 hours budgeted, two phases and one loose task
	const tasks = [
		task('survey', 'plan', 240, true), //       4 h estimated, 5 h logged, done
		task('design', 'plan', 480, true), //       8 h, 6 h 30 logged, done
		task('rack', 'build', 600), //            10 h, 12 h logged
		task('cutover', 'build', 720), //         12 h, nothing yet
		task('handover', null, null) //           not estimated, 45 min logged
	];
	const logged = new Map([
		['survey', 300],
		['design', 390],
		['rack', 720],
		['handover', 45],
		['someone-elses-task', 600]
	]);
	const result = rollup(tasks, logged, 2400);

	it('per task: estimate, actual and the variance', () => {
		expect(result.tasks.map((t) => [t.taskId, t.estimateMinutes, t.actualMinutes, t.varianceMinutes, t.percentComplete])).toEqual([
			['survey', 240, 300, 60, 100],
			['design', 480, 390, -90, 100],
			['rack', 600, 720, 120, 0],
			['cutover', 720, 0, -720, 0],
			['handover', 0, 45, 45, 0]
		]);
	});

	it('per phase: sums, and percent complete weighted by estimate', () => {
		expect(result.phases).toEqual([
			{ phaseId: null, estimateMinutes: 0, actualMinutes: 45, varianceMinutes: 45, percentComplete: 0 },
			// build: nothing done yet
			{ phaseId: 'build', estimateMinutes: 1320, actualMinutes: 720, varianceMinutes: -600, percentComplete: 0 },
			{ phaseId: 'plan', estimateMinutes: 720, actualMinutes: 690, varianceMinutes: -30, percentComplete: 100 }
		]);
	});

	it('for the project: 720 of 2040 estimated minutes done is 35 %, and 1455 of 2400 budgeted minutes burnt is 60 %', () => {
		expect(result.project).toEqual({
			estimateMinutes: 2040,
			actualMinutes: 1455,
			varianceMinutes: -585,
			// 100 × 720 / 2040 = 35.29 → 35 (rounded down: 100 only when done)
			percentComplete: 35,
			budgetMinutes: 2400,
			// 100 × 1455 / 2400 = 60.6 → 60
			burnPercent: 60,
			remainingBudgetMinutes: 945,
			overBudget: false
		});
	});

	it('over budget, without a budget, and with nothing estimated', () => {
		expect(rollup(tasks, logged, 1200).project).toMatchObject({ burnPercent: 121, remainingBudgetMinutes: -255, overBudget: true });
		expect(rollup(tasks, logged, null).project).toMatchObject({ budgetMinutes: null, burnPercent: null, remainingBudgetMinutes: null, overBudget: false });
		// nothing estimated: by count, 1 of 3 done → 33 %
		expect(rollup([task('a', null, null, true), task('b', null, 0), task('c', null, null)], new Map(), null).project.percentComplete).toBe(33);
		expect(rollup([], new Map(), 600).project).toMatchObject({ percentComplete: 0, burnPercent: 0, actualMinutes: 0 });
	});
});
