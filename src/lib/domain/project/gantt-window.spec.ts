import { describe, expect, it } from 'vitest';
import { ganttLayout, type GanttTaskInput } from './gantt.js';
import { inWindow, OVERSCAN_ROWS, rowWindow } from './gantt-window.js';

const task = (n: number, fields: Partial<GanttTaskInput> = {}): GanttTaskInput => ({
	id: `t${n}`,
	title: `Task ${n}`,
	start: '2025-03-03',
	due: '2025-03-04',
	estimateMinutes: null,
	dependencies: [],
	phaseId: null,
	milestone: false,
	rank: `r${String(n).padStart(3, '0')}`,
	...fields
});

describe('the rows of a Gantt chart on screen', () => {
	it('draws the rows in view and a few beyond, never past either end', () => {
		// rows of 28 px under a 34 px header, a 280 px view scrolled to row 100
		expect(rowWindow(34 + 100 * 28, 280, 500, 28, 34)).toEqual({ first: 100 - OVERSCAN_ROWS, last: 110 + OVERSCAN_ROWS });
		expect(rowWindow(0, 280, 500, 28, 34)).toEqual({ first: 0, last: 9 + OVERSCAN_ROWS });
		expect(rowWindow(34 + 495 * 28, 280, 500, 28, 34)).toEqual({ first: 495 - OVERSCAN_ROWS, last: 499 });
		expect(rowWindow(0, 280, 0, 28, 34)).toEqual({ first: 0, last: -1 });
	});

	it('keeps the bars and spans of those rows, and every arrow that crosses them', () => {
		const tasks = Array.from({ length: 100 }, (_, n) => task(n, n === 90 ? { dependencies: ['t2'], start: '2025-03-05', due: '2025-03-06' } : {}));
		const layout = ganttLayout(tasks, [], '2025-03-03');
		const drawn = inWindow(layout, { first: 40, last: 59 });
		expect(drawn.rows.map((r) => r.index)).toEqual(Array.from({ length: 20 }, (_, i) => 40 + i));
		expect(drawn.bars.map((b) => b.row)).toEqual(drawn.rows.map((r) => r.index));
		const [arrow] = layout.arrows;
		const [top, bottom] = [Math.min(arrow.fromRow, arrow.toRow), Math.max(arrow.fromRow, arrow.toRow)];
		// an arrow is drawn while any row it spans is, even with both its ends out of the window
		expect(inWindow(layout, { first: top + 1, last: top + 1 }).arrows).toEqual([arrow]);
		expect(inWindow(layout, { first: bottom, last: bottom + 5 }).arrows).toEqual([arrow]);
		expect(inWindow(layout, { first: bottom + 1, last: 99 }).arrows).toEqual([]);
	});
});
