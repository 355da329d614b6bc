import { describe, expect, it } from 'vitest';
import { weekChanges } from './approval-diff.js';

const entry = (id: string, minutes: number, notes: string | null = null) => ({ id, date: '2026-11-30', minutes, billable: true, notes });

describe('weekChanges', () => {
	it('finds nothing in a week unchanged since approval', () => {
		const week = { entries: [entry('a', 60)], expenses: [] };
		expect(weekChanges(week, structuredClone(week))).toEqual([]);
	});

	it('names each entry added, removed or changed, with the fields that changed', () => {
		const approved = { entries: [entry('a', 60), entry('b', 30)], expenses: [{ id: 'x', amount: 1200 }] };
		const now = { entries: [entry('a', 90, 'late edit'), entry('c', 15)], expenses: [{ id: 'x', amount: 1200 }] };
		const changes = weekChanges(approved, now);
		expect(changes.map(({ id, change, fields }) => ({ id, change, fields }))).toEqual([
			{ id: 'a', change: 'changed', fields: ['minutes', 'notes'] },
			{ id: 'c', change: 'added', fields: [] },
			{ id: 'b', change: 'removed', fields: [] }
		]);
	});

	it('has nothing to compare for a week never approved', () => {
		expect(weekChanges(null, { entries: [entry('a', 60)], expenses: [] })).toEqual([]);
	});
});
