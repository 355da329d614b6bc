import { ALL_OPEN, toQuery, type TicketQuery } from './ticket-filter.js';

/**
 * The list's views: the built-in ones (my work, each queue, all open,
 * unassigned) and the filters a person saved under a name. A view is a query;
 * choosing one sets the toolbar to it.
 */
export interface TicketView {
	id: string;
	name: string;
	query: TicketQuery;
}

export type SavedFilter = TicketView;

export function builtInViews(queues: readonly { id: string; name: string; deletedAt?: string | null }[]): TicketView[] {
	return [
		{ id: 'mine', name: 'My work', query: { ...ALL_OPEN, assignee: 'me' } },
		...queues.filter((q) => !q.deletedAt).map((q) => ({ id: `queue:${q.id}`, name: q.name, query: { ...ALL_OPEN, queue: q.id } })),
		{ id: 'open', name: 'All open', query: ALL_OPEN },
		{ id: 'unassigned', name: 'Unassigned', query: { ...ALL_OPEN, assignee: 'none' } }
	];
}

export const MAX_FILTER_NAME = 60;
const MAX_FILTERS = 50;

/** Saved filters as stored (the local database's meta): anything malformed is left out, never trusted. */
export function parseSavedFilters(value: unknown): SavedFilter[] {
	if (!Array.isArray(value)) return [];
	const filters: SavedFilter[] = [];
	for (const item of value.slice(0, MAX_FILTERS)) {
		const record = item as Partial<SavedFilter> | null;
		if (typeof record?.id !== 'string' || typeof record.name !== 'string' || !record.name.trim()) continue;
		filters.push({ id: record.id, name: record.name.trim().slice(0, MAX_FILTER_NAME), query: toQuery(record.query) });
	}
	return filters;
}

export type SaveResult = { filters: SavedFilter[]; saved: SavedFilter } | { error: string };

/** Saves a query under a name; the same name (any case) replaces that filter. */
export function saveFilter(filters: readonly SavedFilter[], name: string, query: TicketQuery, newId: () => string): SaveResult {
	const trimmed = name.trim();
	if (!trimmed) return { error: 'Give the filter a name' };
	if (trimmed.length > MAX_FILTER_NAME) return { error: `Keep the name under ${MAX_FILTER_NAME} characters` };
	const same = filters.find((f) => f.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
	if (!same && filters.length >= MAX_FILTERS) return { error: `Up to ${MAX_FILTERS} saved filters: delete one first` };
	const saved = { id: same?.id ?? newId(), name: trimmed, query: { ...query, search: query.search.trim() } };
	return { filters: same ? filters.map((f) => (f.id === same.id ? saved : f)) : [...filters, saved], saved };
}

export function deleteFilter(filters: readonly SavedFilter[], id: string): SavedFilter[] {
	return filters.filter((f) => f.id !== id);
}
