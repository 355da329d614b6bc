import { describe, expect, it } from 'vitest';
import { filterCustomers } from './customers/list-filter.js';
import type { LocalCustomer } from './db.js';
import { classifyRefusal } from './refusal.js';
import { routeKey } from './offline-shell.js';
import { viewersOf } from './presence.svelte.js';

describe('refusals from the sync server', () => {
	it('tells what the person has to do', () => {
		expect(classifyRefusal('unauthenticated')).toBe('signed-out');
		expect(classifyRefusal('forbidden')).toBe('forbidden');
		expect(classifyRefusal('invalid-document-name')).toBe('missing');
		expect(classifyRefusal('please-reload')).toBe('reload');
		expect(classifyRefusal('something new')).toBe('reload');
		expect(classifyRefusal('Failed to get token during sendToken(): TypeError: Failed to fetch')).toBe('retry');
		expect(classifyRefusal('Failed to get token during sendToken(): Error: unauthenticated')).toBe('signed-out');
	});
});

describe('presence', () => {
	it('lists other viewers once each, not me and not background tabs', () => {
		const me = { id: 'u1', name: 'Me', color: '#000' };
		const ann = { id: 'u2', name: 'Ann', color: '#111' };
		const states = new Map<number, Record<string, unknown>>([
			[1, { user: me, viewing: true }],
			[2, { user: ann, viewing: true }],
			[3, { user: ann, viewing: true }],
			[4, { user: { id: 'u3', name: 'Bo', color: '#222' }, viewing: false }],
			[5, {}]
		]);
		expect(viewersOf(states, 'u1')).toEqual([ann]);
	});
});

describe('the offline shell', () => {
	it('maps a page of one record to its route', () => {
		expect(routeKey('/customers/019a9f4e-1111-7000-8000-000000000001')).toBe('/customers/:id');
		expect(routeKey('/customers')).toBe('/customers');
	});
});

describe('the customer list', () => {
	const row = (id: string, name: string, status: string, createdAt: string, deletedAt: string | null = null) =>
		({ id, name, nameKey: name.toLowerCase(), status, createdAt, deletedAt, docName: `t:customer:${id}` }) as LocalCustomer;
	const rows = [
		row('a', 'Zeta', 'prospect', '2026-01-01'),
		row('b', 'alpha', 'inactive', '2026-03-01'),
		row('c', 'Beta', 'active', '2026-02-01'),
		row('d', 'Gone', 'active', '2026-02-01', '2026-04-01')
	];
	const ids = (list: LocalCustomer[]) => list.map((r) => r.id);

	it('sorts by name, status or newest first, deleted ones apart', () => {
		expect(ids(filterCustomers(rows, { search: '', status: '', sort: 'name', deleted: false }))).toEqual(['b', 'c', 'a']);
		expect(ids(filterCustomers(rows, { search: '', status: '', sort: 'status', deleted: false }))).toEqual(['c', 'a', 'b']);
		expect(ids(filterCustomers(rows, { search: '', status: '', sort: 'created', deleted: false }))).toEqual(['b', 'c', 'a']);
		expect(ids(filterCustomers(rows, { search: '', status: '', sort: 'name', deleted: true }))).toEqual(['d']);
	});

	it('searches names case-insensitively and filters by status', () => {
		expect(ids(filterCustomers(rows, { search: ' ET', status: '', sort: 'name', deleted: false }))).toEqual(['c', 'a']);
		expect(ids(filterCustomers(rows, { search: '', status: 'active', sort: 'name', deleted: false }))).toEqual(['c']);
	});
});
