import { describe, expect, it } from 'vitest';
import { estimateDays, ganttLayout, shiftDates, stretchDue, type GanttTaskInput } from './gantt.js';

const task = (id: string, fields: Partial<GanttTaskInput> = {}): GanttTaskInput => ({
	id,
	title: `Task ${id}`,
	start: null,
	due: null,
	estimateMinutes: null,
	dependencies: [],
	phaseId: null,
	milestone: false,
	rank: null,
	...fields
});

describe('ganttLayout', () => {
	it('puts bars in days from a Monday before the first task, start and due day included', () => {
		// three days before Wednesday 2025-01-08 is a Sunday: the window opens on the Monday before it
		const layout = ganttLayout([task('a', { start: '2025-01-08', due: '2025-01-10' })], [], '2025-01-09');
		expect(layout.window).toEqual({ start: '2024-12-30', end: '2025-01-13', days: 15 });
		expect(layout.bars).toEqual([expect.objectContaining({ id: 'a', row: 0, x: 9, width: 3, start: '2025-01-08', end: '2025-01-10', estimated: false })]);
		expect(layout.today).toBe(10);
		expect(layout.weeks.map((w) => w.date)).toEqual(['2024-12-30', '2025-01-06', '2025-01-13']);
	});

	it('opens on the Monday of the week three days before the first task', () => {
		const layout = ganttLayout([task('a', { start: '2025-01-10', due: '2025-01-10' })], [], '2025-01-10');
		expect(layout.window.start).toBe('2025-01-06');
	});

	it('takes the other end from the estimate, a day per eight hours, and leaves undated tasks without a bar', () => {
		const layout = ganttLayout(
			[task('a', { start: '2025-03-03', estimateMinutes: 20 * 60 }), task('b', { due: '2025-03-07', estimateMinutes: 60 }), task('c')],
			[],
			'2025-03-03'
		);
		expect(layout.bars.map((b) => [b.id, b.start, b.end, b.estimated])).toEqual([
			['a', '2025-03-03', '2025-03-05', true],
			['b', '2025-03-07', '2025-03-07', true]
		]);
		expect(layout.rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
		expect(layout.unscheduled).toBe(1);
		expect(estimateDays(null)).toBe(1);
	});

	it('a milestone is one day on its due date', () => {
		const layout = ganttLayout([task('m', { milestone: true, start: '2025-02-01', due: '2025-02-14' })], [], '2025-02-14');
		expect(layout.bars[0]).toMatchObject({ start: '2025-02-14', end: '2025-02-14', width: 1, milestone: true });
	});

	it('lists each phase in rank order with its tasks after their dependencies, then the tasks of no phase', () => {
		const tasks = [
			task('t1', { phaseId: 'build', start: '2025-01-13', due: '2025-01-15', dependencies: ['t2'] }),
			task('t2', { phaseId: 'build', start: '2025-01-20', due: '2025-01-21' }),
			task('t3', { phaseId: 'plan', start: '2025-01-06', due: '2025-01-07' }),
			task('t4', { phaseId: 'gone', start: '2025-01-06' })
		];
		const phases = [
			{ id: 'build', name: 'Build', rank: 'b', start: null, due: null },
			{ id: 'plan', name: 'Plan', rank: 'a', start: '2025-01-01', due: '2025-01-10' }
		];
		const layout = ganttLayout(tasks, phases, '2025-01-06');
		expect(layout.rows.map((r) => `${r.kind}:${r.id}`)).toEqual(['phase:plan', 'task:t3', 'phase:build', 'task:t2', 'task:t1', 'phase:', 'task:t4']);
		const origin = layout.window.start;
		expect(origin).toBe('2024-12-23');
		// Plan spans its own dates; Build the days of its tasks
		expect(layout.spans).toEqual([
			{ id: 'plan', row: 0, x: 9, width: 10 },
			{ id: 'build', row: 2, x: 21, width: 9 }
		]);
	});

	it('draws an arrow from each predecessor’s end to its successor’s start, violated when the successor starts too early', () => {
		const tasks = [
			task('a', { start: '2025-01-06', due: '2025-01-08' }),
			task('b', { start: '2025-01-09', due: '2025-01-10', dependencies: ['a'] }),
			task('c', { start: '2025-01-08', due: '2025-01-09', dependencies: ['a', 'missing'] }),
			task('d', { dependencies: ['a'] })
		];
		const layout = ganttLayout(tasks, [], '2025-01-06');
		expect(layout.arrows.map((a) => [a.from, a.to, a.fromX, a.toX, a.violated])).toEqual([
			['a', 'c', 10, 9, true],
			['a', 'b', 10, 10, false]
		]);
	});

	it('an empty project shows two weeks from today, from that week’s Monday', () => {
		const layout = ganttLayout([], [], '2025-05-01');
		expect(layout.window).toEqual({ start: '2025-04-28', end: '2025-05-14', days: 17 });
		expect(layout.today).toBe(3);
	});

	it('a due date before the start counts as a one-day bar on the start, and a bad today is a bug', () => {
		expect(ganttLayout([task('a', { start: '2025-01-08', due: '2025-01-02' })], [], '2025-01-08').bars[0].width).toBe(1);
		expect(() => ganttLayout([], [], '2025-02-30')).toThrow(/not a calendar date/);
	});

	it('lays out 500 chained tasks with one arrow each', () => {
		const tasks = Array.from({ length: 500 }, (_, n) =>
			task(`t${String(n).padStart(3, '0')}`, { start: null, due: null, estimateMinutes: 480, dependencies: n ? [`t${String(n - 1).padStart(3, '0')}`] : [] })
		).map((t, n) => ({ ...t, start: `2025-${String(1 + Math.floor(n / 28) % 12).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}` }));
		const layout = ganttLayout(tasks, [], '2025-01-01');
		expect(layout.bars).toHaveLength(500);
		expect(layout.arrows).toHaveLength(499);
	});
});

describe('dragging', () => {
	const bar = { start: '2025-01-06', end: '2025-01-08' };
	it('moves start and due together', () => {
		expect(shiftDates({ start: '2025-01-06', due: '2025-01-08' }, bar, 3)).toEqual({ start: '2025-01-09', due: '2025-01-11' });
		// an estimated bar gets both dates, so it stays where it was dropped
		expect(shiftDates({ start: '2025-01-06', due: null }, bar, -1)).toEqual({ start: '2025-01-05', due: '2025-01-07' });
	});
	it('stretches the due date, never before the start', () => {
		expect(stretchDue(bar, 2)).toEqual({ due: '2025-01-10' });
		expect(stretchDue(bar, -5)).toEqual({ due: '2025-01-06' });
	});
});
