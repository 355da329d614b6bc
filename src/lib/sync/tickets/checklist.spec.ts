import { describe, expect, it } from 'vitest';
import { orderedChecklist, rankAtEnd, rankMoved } from './checklist.js';

type Item = { id: string; rank: string | null; deletedAt: string | null };
const item = (id: string, rank: string | null, deletedAt: string | null = null): Item => ({ id, rank, deletedAt });

describe('the checklist order', () => {
	it('orders by rank then id, without removed items', () => {
		expect(orderedChecklist([item('b', '5'), item('a', '5'), item('c', '2'), item('d', '1', '2026-01-01T00:00:00.000Z')]).map((i) => i.id)).toEqual(['c', 'a', 'b']);
	});

	it('adds at the end and moves one place up or down', () => {
		let items = [item('a', rankAtEnd([]))];
		items = [...items, item('b', rankAtEnd(items))];
		items = [...items, item('c', rankAtEnd(items))];
		expect(orderedChecklist(items).map((i) => i.id)).toEqual(['a', 'b', 'c']);
		const move = (id: string, direction: -1 | 1) => {
			const rank = rankMoved(orderedChecklist(items), id, direction);
			if (rank) items = items.map((i) => (i.id === id ? { ...i, rank } : i));
			return orderedChecklist(items).map((i) => i.id);
		};
		expect(move('c', -1)).toEqual(['a', 'c', 'b']);
		expect(move('c', -1)).toEqual(['c', 'a', 'b']);
		expect(move('a', 1)).toEqual(['c', 'b', 'a']);
		expect(rankMoved(orderedChecklist(items), 'c', -1)).toBeNull();
		expect(rankMoved(orderedChecklist(items), 'a', 1)).toBeNull();
	});
});
