import { describe, expect, it } from 'vitest';
import { sortTasks, type SortContext, type SortableTask } from './task-table.js';

const tasks: SortableTask[] = [
	{ id: 'a', title: 'Survey the site', estimateMinutes: 120, start: '2026-03-02', due: '2026-03-04' },
	{ id: 'b', title: 'cable the floor', estimateMinutes: null, start: null, due: '2026-03-10' },
	{ id: 'c', title: 'Book movers', estimateMinutes: 60, start: '2026-03-01', due: null }
];

const context: SortContext = {
	boardPlace: (id) => ['c', 'a', 'b'].indexOf(id),
	statusName: (id) => ({ a: 'Done', b: 'To do', c: 'In progress' })[id] ?? '',
	assigneeNames: (id) => (id === 'b' ? 'Theo' : ''),
	actualMinutes: (id) => (id === 'a' ? 150 : 0)
};

const ids = (sort: Parameters<typeof sortTasks>[1], descending = false) => sortTasks(tasks, sort, descending, context).map((t) => t.id);

describe('the task table', () => {
	it('keeps board order by default', () => {
		expect(ids('board')).toEqual(['c', 'a', 'b']);
	});

	it('sorts by title case-insensitively, and by status name, either way', () => {
		expect(ids('title')).toEqual(['c', 'b', 'a']);
		expect(ids('title', true)).toEqual(['a', 'b', 'c']);
		expect(ids('status')).toEqual(['a', 'c', 'b']);
	});

	it('puts blanks last in both directions, ties in board order', () => {
		expect(ids('estimate')).toEqual(['c', 'a', 'b']);
		expect(ids('estimate', true)).toEqual(['a', 'c', 'b']);
		expect(ids('due')).toEqual(['a', 'b', 'c']);
		expect(ids('due', true)).toEqual(['b', 'a', 'c']);
		expect(ids('actual')).toEqual(['a', 'c', 'b']);
		expect(ids('assignees')).toEqual(['b', 'c', 'a']);
		expect(ids('start')).toEqual(['c', 'a', 'b']);
	});
});
