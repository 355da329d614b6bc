import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardColumns, dropIndex, keyMove } from './board.js';
import { addTask, columnCards, createProject, moveTask, readTasks } from './edits.js';
import { columnRecord } from './schema.js';
import { projectCollection } from '../documents/project.js';

function project() {
	const doc = new Y.Doc();
	createProject(doc, 'p-1', { name: 'Office move' });
	for (const [i, title] of ['Survey', 'Order desks', 'Cable floor'].entries()) addTask(doc, { title }, `t-${i + 1}`);
	addTask(doc, { title: 'Book movers', status: 'doing' }, 't-4');
	return doc;
}

const boardOf = (doc: Y.Doc) => boardColumns(projectCollection(doc, 'columns', columnRecord, {}, []), readTasks(doc));
const titles = (doc: Y.Doc) => Object.fromEntries(boardOf(doc).map((c) => [c.id, c.cards.map((t) => t.title)]));

describe('the project board', () => {
	it('shows the columns in order with their cards in board order', () => {
		const doc = project();
		expect(boardOf(doc).map((c) => c.name)).toEqual(['To do', 'In progress', 'Review', 'Done']);
		expect(titles(doc)).toEqual({ todo: ['Survey', 'Order desks', 'Cable floor'], doing: ['Book movers'], review: [], done: [] });
	});

	it('uses the default columns before the board has any, and keeps cards of a removed column in view', () => {
		const cards = [
			{ id: 'a', rank: 'm', status: null },
			{ id: 'b', rank: 'm', status: 'archive' },
			{ id: 'c', rank: 'n', status: 'todo', deletedAt: '2026-01-01T00:00:00.000Z' }
		];
		const board = boardColumns([{ id: 'archive', name: 'Archive', rank: 'z', done: false, deletedAt: '2026-01-01T00:00:00.000Z' }], cards);
		expect(board.map((c) => [c.id, c.stray, c.cards.map((t) => t.id)])).toEqual([
			['todo', false, ['a']],
			['doing', false, []],
			['review', false, []],
			['done', false, []],
			['archive', true, ['b']]
		]);
		expect(board[4].name).toBe('Archive');
	});

	it('drops a card before the card under the pointer, or after it on its lower half, or last on empty space', () => {
		const cards = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(dropIndex(cards, 'c', 'a', false)).toBe(0);
		expect(dropIndex(cards, 'a', 'b', true)).toBe(1);
		expect(dropIndex(cards, 'a', 'c', true)).toBe(2);
		expect(dropIndex(cards, 'x', null, false)).toBe(3);
		// dropped on itself: it stays where it is
		expect(dropIndex(cards, 'b', 'b', false)).toBe(2);
	});

	it('a drop index fed to moveTask puts the card exactly there', () => {
		const doc = project();
		const todo = columnCards(doc, 'todo');
		moveTask(doc, 't-3', 'todo', dropIndex(todo, 't-3', 't-1', false));
		expect(titles(doc).todo).toEqual(['Cable floor', 'Survey', 'Order desks']);
		moveTask(doc, 't-4', 'todo', dropIndex(columnCards(doc, 'todo'), 't-4', 't-1', true));
		expect(titles(doc).todo).toEqual(['Cable floor', 'Survey', 'Book movers', 'Order desks']);
	});

	it('moves a card from the keyboard: within its column, to the neighbours at the same height, not past an edge', () => {
		const doc = project();
		const step = (id: string, key: Parameters<typeof keyMove>[2]) => {
			const to = keyMove(boardOf(doc), id, key);
			if (to) moveTask(doc, id, to.column, to.index);
			return to;
		};
		expect(step('t-1', 'ArrowUp')).toBeNull();
		expect(step('t-1', 'ArrowLeft')).toBeNull();
		step('t-1', 'ArrowDown');
		expect(titles(doc).todo).toEqual(['Order desks', 'Survey', 'Cable floor']);
		step('t-3', 'ArrowRight');
		expect(titles(doc)).toMatchObject({ todo: ['Order desks', 'Survey'], doing: ['Book movers', 'Cable floor'] });
		step('t-3', 'ArrowUp');
		expect(titles(doc).doing).toEqual(['Cable floor', 'Book movers']);
		step('t-4', 'ArrowLeft');
		expect(titles(doc).todo).toEqual(['Order desks', 'Book movers', 'Survey']);
		expect(step('t-4', 'ArrowDown')).toEqual({ column: 'todo', index: 2 });
		expect(titles(doc).todo).toEqual(['Order desks', 'Survey', 'Book movers']);
		expect(step('t-4', 'ArrowDown')).toBeNull();
		expect(keyMove(boardOf(doc), 'nope', 'ArrowDown')).toBeNull();
	});
});
