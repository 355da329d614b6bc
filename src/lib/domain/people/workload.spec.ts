import { describe, expect, it } from 'vitest';
import { taskDays, UNTIMED_VISIT_MINUTES, workload, workloadWeeks, type WorkloadSources } from './workload.js';
import { DEFAULT_CAPACITY } from './capacity.js';

const task = (fields: Partial<Parameters<typeof taskDays>[0]>) => ({ userId: 'u1', estimateMinutes: 600, start: null, due: null, position: 0, assignees: 1, ...fields });

describe('a task\'s estimate over its days', () => {
	it('spreads evenly over the working days from start to due, skipping the weekend', () => {
		// Thursday 31 December to Tuesday 5 January: Thu, Fri, Mon, Tue
		expect([...taskDays(task({ start: '2026-12-31', due: '2027-01-05' }), DEFAULT_CAPACITY)]).toEqual([
			['2026-12-31', 150], ['2027-01-01', 150], ['2027-01-04', 150], ['2027-01-05', 150]
		]);
	});

	it('gives each assignee their share, the odd minute to the first', () => {
		const first = taskDays(task({ estimateMinutes: 61, start: '2026-12-28', due: '2026-12-28', assignees: 2 }), DEFAULT_CAPACITY);
		const second = taskDays(task({ estimateMinutes: 61, start: '2026-12-28', due: '2026-12-28', assignees: 2, position: 1 }), DEFAULT_CAPACITY);
		expect([first.get('2026-12-28'), second.get('2026-12-28')]).toEqual([31, 30]);
	});

	it('puts a task with one date on that day, one on a weekend on its last day, one with none nowhere', () => {
		expect([...taskDays(task({ due: '2026-12-30' }), DEFAULT_CAPACITY)]).toEqual([['2026-12-30', 600]]);
		expect([...taskDays(task({ start: '2026-12-29' }), DEFAULT_CAPACITY)]).toEqual([['2026-12-29', 600]]);
		expect([...taskDays(task({ start: '2027-01-02', due: '2027-01-03' }), DEFAULT_CAPACITY)]).toEqual([['2027-01-03', 600]]);
		expect(taskDays(task({}), DEFAULT_CAPACITY).size).toBe(0);
		// dates the wrong way round still cover the days between them
		expect(taskDays(task({ start: '2026-12-29', due: '2026-12-28' }), DEFAULT_CAPACITY).size).toBe(2);
	});
});

describe('the workload grid', () => {
	const weeks = workloadWeeks('2026-12-30', 1, 1);
	const base: WorkloadSources = {
		weeks,
		people: [{ userId: 'u1', name: 'Theo' }, { userId: 'u2', name: 'Dana' }],
		capacity: new Map([['u2', [240, 240, 240, 240, 240, 0, 0]]]),
		timeOff: [],
		tasks: [],
		visits: [],
		logged: []
	};

	it('names the weeks around today, across the year end', () => {
		expect(weeks).toEqual(['2026-W52', '2026-W53', '2027-W01']);
		expect(workloadWeeks('2026-12-30')).toHaveLength(8);
		expect(workloadWeeks('2026-12-30')[0]).toBe('2026-W51');
	});

	it('shows each person\'s capacity less approved time off, per week', () => {
		const rows = workload({ ...base, timeOff: [{ userId: 'u1', start: '2026-12-31', end: '2027-01-04', minutesPerDay: null }] });
		expect(rows.map((r) => r.cells.map((c) => c.available))).toEqual([[2400, 1440, 1920], [1200, 1200, 1200]]);
		expect(rows[0].cells[1]).toMatchObject({ capacity: 2400, timeOff: 960 });
	});

	it('adds tasks and visits up as scheduled, logged time beside it, and warns when scheduled is over what is available', () => {
		const rows = workload({
			...base,
			tasks: [task({ userId: 'u2', estimateMinutes: 1500, start: '2026-12-28', due: '2027-01-01' })],
			visits: [{ userId: 'u2', date: '2027-01-04', minutes: 90, untimed: 2 }, { userId: 'u1', date: '2026-12-21', minutes: 30, untimed: 0 }],
			logged: [{ userId: 'u1', date: '2026-12-22', minutes: 400 }, { userId: 'u1', date: '2026-12-23', minutes: 20 }, { userId: 'u1', date: '2027-02-01', minutes: 999 }]
		});
		const [theo, dana] = rows;
		expect(dana.cells[1]).toMatchObject({ tasks: 1500, visits: 0, scheduled: 1500, available: 1200, over: true });
		expect(dana.cells[2]).toMatchObject({ visits: 90 + 2 * UNTIMED_VISIT_MINUTES, over: false });
		expect(theo.cells[0]).toMatchObject({ scheduled: 30, logged: 420, over: false });
		// time outside the weeks shown is left out
		expect(theo.cells.reduce((n, c) => n + c.logged, 0)).toBe(420);
	});

	it('has a row for everyone, even with nothing booked, and no row for someone not listed', () => {
		const rows = workload({ ...base, logged: [{ userId: 'gone', date: '2026-12-28', minutes: 60 }] });
		expect(rows.map((r) => r.name)).toEqual(['Theo', 'Dana']);
		expect(rows.every((r) => r.cells.every((c) => c.scheduled === 0 && !c.over))).toBe(true);
	});
});
