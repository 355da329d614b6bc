import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask, columnCards, createProject, moveTask, readTasks, removeTask, setDependencies, updateTask } from './edits.js';

function board() {
	const doc = new Y.Doc();
	createProject(doc, 'p-1', { name: 'Firewall rollout' });
	const ids = ['Order', 'Configure', 'Install'].map((title, i) => addTask(doc, { title }, `t-${i + 1}`));
	return { doc, ids };
}

const titles = (doc: Y.Doc, column: string) => columnCards(doc, column).map((t) => t.title);
const task = (doc: Y.Doc, id: string) => readTasks(doc).find((t) => t.id === id)!;

describe('project edits', () => {
	it('start with the default columns and add tasks at the bottom of "To do"', () => {
		const { doc } = board();
		expect([...doc.getMap('columns').keys()].sort()).toEqual(['doing', 'done', 'review', 'todo']);
		expect(titles(doc, 'todo')).toEqual(['Order', 'Configure', 'Install']);
	});

	it('move a card within and across columns, stamping completion in a done column', () => {
		const { doc } = board();
		moveTask(doc, 't-3', 'todo', 0);
		expect(titles(doc, 'todo')).toEqual(['Install', 'Order', 'Configure']);
		moveTask(doc, 't-2', 'done', 0, new Date('2026-03-02T10:00:00Z'));
		expect(titles(doc, 'done')).toEqual(['Configure']);
		expect(task(doc, 't-2').completedAt).toBe('2026-03-02T10:00:00.000Z');
		moveTask(doc, 't-2', 'doing', 0);
		expect(task(doc, 't-2').completedAt).toBeNull();
		expect(() => moveTask(doc, 'nope', 'todo', 0)).toThrow('no task nope');
	});

	it('set dependencies, refusing a cycle with a message naming it', () => {
		const { doc } = board();
		expect(setDependencies(doc, 't-2', ['t-1'])).toBeNull();
		expect(setDependencies(doc, 't-3', ['t-2', 't-2'])).toBeNull();
		expect(task(doc, 't-3').dependencies).toEqual(['t-2']);
		expect(setDependencies(doc, 't-1', ['t-3'])).toBe(
			'These tasks would wait on each other in a circle: “Order” → “Install” → “Configure” → “Order”. Remove one of these dependencies.'
		);
		expect(task(doc, 't-1').dependencies).toEqual([]);
	});

	it('update a task\'s fields and remove it by marking it deleted', () => {
		const { doc } = board();
		updateTask(doc, 't-1', { estimateMinutes: 90, assignees: ['u-1', 'u-2'], due: '2026-03-06' });
		expect(task(doc, 't-1')).toMatchObject({ estimateMinutes: 90, assignees: ['u-1', 'u-2'], due: '2026-03-06' });
		removeTask(doc, 't-1', new Date('2026-03-03T00:00:00Z'));
		expect(titles(doc, 'todo')).toEqual(['Configure', 'Install']);
		expect(task(doc, 't-1').deletedAt).toBe('2026-03-03T00:00:00.000Z');
	});
});
