import { describe, expect, it } from 'vitest';
import { ALL_OPEN } from './ticket-filter.js';
import { builtInViews, deleteFilter, parseSavedFilters, saveFilter, type SavedFilter } from './views.js';

let n = 0;
const newId = () => `f${++n}`;

describe('views of the ticket list', () => {
	it('has my work, each live queue, all open and unassigned', () => {
		const views = builtInViews([{ id: 'dispatch', name: 'Dispatch' }, { id: 'old', name: 'Old', deletedAt: '2026-01-01T00:00:00.000Z' }, { id: 'triage', name: 'Triage' }]);
		expect(views.map((v) => v.name)).toEqual(['My work', 'Dispatch', 'Triage', 'All open', 'Unassigned']);
		expect(views[0].query).toEqual({ ...ALL_OPEN, assignee: 'me' });
		expect(views[1].query.queue).toBe('dispatch');
	});
});

describe('saved filters', () => {
	it('saves a query under a name, replaces one of the same name, and deletes', () => {
		const first = saveFilter([], '  Acme critical ', { ...ALL_OPEN, customer: 'acme', priority: 'critical', search: ' vpn ' }, newId);
		if ('error' in first) throw new Error(first.error);
		expect(first.saved).toMatchObject({ name: 'Acme critical', query: { customer: 'acme', priority: 'critical', search: 'vpn' } });
		const again = saveFilter(first.filters, 'acme CRITICAL', { ...ALL_OPEN, customer: 'acme' }, newId);
		if ('error' in again) throw new Error(again.error);
		expect(again.filters).toHaveLength(1);
		expect(again.filters[0]).toMatchObject({ id: first.saved.id, name: 'acme CRITICAL', query: { priority: '' } });
		expect(deleteFilter(again.filters, first.saved.id)).toEqual([]);
	});

	it('refuses a filter without a name or with a very long one', () => {
		expect(saveFilter([], '   ', ALL_OPEN, newId)).toEqual({ error: 'Give the filter a name' });
		expect(saveFilter([], 'x'.repeat(61), ALL_OPEN, newId)).toHaveProperty('error');
	});

	it('reads stored filters, leaving out what is malformed', () => {
		const stored: unknown = [{ id: 'a', name: 'Mine', query: { assignee: 'me' } }, { id: 'b', name: '' }, { name: 'no id' }, null, 'text'];
		expect(parseSavedFilters(stored)).toEqual([{ id: 'a', name: 'Mine', query: { ...ALL_OPEN, assignee: 'me' } }] satisfies SavedFilter[]);
		expect(parseSavedFilters(undefined)).toEqual([]);
	});
});
