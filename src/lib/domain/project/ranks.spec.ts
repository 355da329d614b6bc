import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask, columnCards, createProject, moveTask } from './edits.js';
import { byRank, rankAt } from './ranks.js';

const PROJECT = '01a30000-0000-7000-8000-000000000001';

/** Three replicas of one project, each with its own Yjs client. */
function replicas(cards: number) {
	const origin = new Y.Doc();
	createProject(origin, PROJECT, { name: 'Office move' });
	const ids = Array.from({ length: cards }, (_, i) => addTask(origin, { title: `Card ${i + 1}` }, `01a30000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`));
	const copies = [0, 1, 2].map(() => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin));
		return doc;
	});
	return { ids, copies };
}

/** Every replica receives every other replica's updates, in a different order each. */
function mergeAll(docs: Y.Doc[]) {
	const updates = docs.map((d) => Y.encodeStateAsUpdate(d));
	docs.forEach((doc, i) => {
		for (const j of [2, 1, 0]) if (j !== i) Y.applyUpdate(doc, updates[j]);
	});
}

const order = (doc: Y.Doc, column: string) => columnCards(doc, column).map((t) => t.title);

describe('board ranks', () => {
	it('put a card between its neighbours', () => {
		const cards = [{ id: 'a', rank: 'c' }, { id: 'b', rank: 'e' }];
		const rank = rankAt(cards, 1, 'x-1234');
		expect(rank > 'c' && rank < 'e').toBe(true);
		expect(byRank([...cards, { id: 'x-1234', rank }]).map((c) => c.id)).toEqual(['a', 'x-1234', 'b']);
		expect(rankAt([], 0, 'x') < rankAt([{ id: 'a', rank: rankAt([], 0, 'x') }], 1, 'y')).toBe(true);
	});

	it('give two cards dropped into the same gap at once ranks of their own', () => {
		const cards = [{ id: 'a', rank: 'c' }, { id: 'b', rank: 'e' }];
		const [x, y] = [rankAt(cards, 1, '01a3-aaaa'), rankAt(cards, 1, '01a3-bbbb')];
		expect(x).not.toBe(y);
		for (const r of [x, y]) expect(r > 'c' && r < 'e' && !r.endsWith('0')).toBe(true);
		// and a later drop between them still fits
		const [low, high] = [x, y].sort();
		const between = rankAt([{ id: 'x', rank: low }, { id: 'y', rank: high }], 1, 'z');
		expect(between > low && between < high).toBe(true);
	});

	it('sort tied ranks by id, so an old tie still orders the same everywhere', () => {
		expect(byRank([{ id: 'b', rank: 'i' }, { id: 'a', rank: 'i' }]).map((c) => c.id)).toEqual(['a', 'b']);
		const after = rankAt([{ id: 'a', rank: 'i' }, { id: 'b', rank: 'i' }], 1, 'c');
		expect(after > 'i').toBe(true);
	});

	it('three replicas moving cards in the same column at once converge, every card present once', () => {
		const { ids, copies } = replicas(6);
		const [a, b, c] = copies;
		// all three drag a different card to the top at the same moment
		moveTask(a, ids[3], 'todo', 0);
		moveTask(b, ids[4], 'todo', 0);
		moveTask(c, ids[5], 'todo', 0);
		// and two of them move the same card: one to another column, one within the column
		moveTask(a, ids[0], 'doing', 0);
		moveTask(b, ids[0], 'todo', 5);
		// a drop into the middle, computed from each replica's own (different) view
		moveTask(c, ids[1], 'todo', 3);
		mergeAll(copies);

		const columns = copies.map((doc) => [order(doc, 'todo'), order(doc, 'doing')]);
		expect(columns[1]).toEqual(columns[0]);
		expect(columns[2]).toEqual(columns[0]);
		const everywhere = [...columns[0][0], ...columns[0][1]];
		expect(everywhere.sort()).toEqual(ids.map((_, i) => `Card ${i + 1}`).sort());
		// the three cards dragged to the top are the top three
		expect(columns[0][0].slice(0, 3).sort()).toEqual(['Card 4', 'Card 5', 'Card 6']);
	});

	it('keep converging over many rounds of concurrent moves', () => {
		const { ids, copies } = replicas(12);
		let seed = 7;
		const random = (n: number) => ((seed = (seed * 48271) % 2147483647) % n);
		for (let round = 0; round < 20; round++) {
			for (const doc of copies) {
				const column = ['todo', 'doing'][random(2)];
				moveTask(doc, ids[random(ids.length)], column, random(columnCards(doc, column).length + 1));
			}
			mergeAll(copies);
			const seen = copies.map((doc) => JSON.stringify([order(doc, 'todo'), order(doc, 'doing')]));
			expect(new Set(seen).size).toBe(1);
			expect(order(copies[0], 'todo').length + order(copies[0], 'doing').length).toBe(ids.length);
		}
	});
});
