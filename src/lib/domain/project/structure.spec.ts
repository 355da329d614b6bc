import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCollection } from '../documents/project.js';
import { addPhase, addTask, createProject, moveTask, readTasks } from './edits.js';
import { phaseRecord } from './schema.js';
import { addColumn, readColumns, removeColumn, removePhase, renameColumn, renamePhase, setColumnDone, setPhaseDates, shiftColumn, shiftPhase } from './structure.js';

function project() {
	const doc = new Y.Doc();
	createProject(doc, 'p1', { name: 'Mail migration' });
	return doc;
}
const names = (doc: Y.Doc) => readColumns(doc).map((c) => c.name);
const phaseNames = (doc: Y.Doc) => projectCollection(doc, 'phases', phaseRecord, {}, []).filter((p) => !p.deletedAt).sort((a, b) => (a.rank ?? '').localeCompare(b.rank ?? '')).map((p) => p.name);

describe('board columns', () => {
	it('are added at the end, renamed and moved, a name taken twice refused', () => {
		const doc = project();
		const added = addColumn(doc, ' Blocked ');
		expect(names(doc)).toEqual(['To do', 'In progress', 'Review', 'Done', 'Blocked']);
		expect(addColumn(doc, 'blocked')).toEqual({ error: 'There is already a column named Blocked.' });
		expect(renameColumn(doc, 'review', 'To do')).toBe('There is already a column named To do.');
		expect(renameColumn(doc, 'review', '  ')).toBe('A column needs a name.');
		expect(renameColumn(doc, 'review', 'Customer review')).toBeNull();
		if (!('id' in added)) throw new Error(added.error);
		shiftColumn(doc, added.id, -1);
		shiftColumn(doc, added.id, -1);
		expect(names(doc)).toEqual(['To do', 'In progress', 'Blocked', 'Customer review', 'Done']);
		shiftColumn(doc, 'todo', -1);
		expect(names(doc)[0]).toBe('To do');
	});

	it('are removed only when empty, and the board keeps a done column', () => {
		const doc = project();
		const task = addTask(doc, { title: 'Audit mailboxes', status: 'review' });
		expect(removeColumn(doc, 'review')).toBe('Move the task out of Review first.');
		moveTask(doc, task, 'doing', 0);
		expect(removeColumn(doc, 'review')).toBeNull();
		expect(removeColumn(doc, 'done')).toBe('Keep one column that counts as done: mark another one done first.');
		expect(setColumnDone(doc, 'done', false)).toBe('Keep one column that counts as done: finished tasks go there.');
		expect(names(doc)).toEqual(['To do', 'In progress', 'Done']);
	});

	it('marked done complete the tasks in them, and unmarked reopen them', () => {
		const doc = project();
		const task = addTask(doc, { title: 'Sign-off', status: 'doing' });
		const now = new Date('2026-12-03T10:00:00Z');
		expect(setColumnDone(doc, 'doing', true, now)).toBeNull();
		expect(readTasks(doc).find((t) => t.id === task)?.completedAt).toBe(now.toISOString());
		expect(setColumnDone(doc, 'doing', false)).toBeNull();
		expect(readTasks(doc).find((t) => t.id === task)?.completedAt).toBeNull();
	});

	it('of a board nobody edited start from the defaults', () => {
		const doc = new Y.Doc();
		doc.getMap('project').set('id', 'p2');
		expect(renameColumn(doc, 'todo', 'Backlog')).toBeNull();
		expect(names(doc)).toEqual(['Backlog', 'In progress', 'Review', 'Done']);
	});
});

describe('phases', () => {
	it('are renamed, dated, moved and removed; their tasks stay, with no phase', () => {
		const doc = project();
		const plan = addPhase(doc, { name: 'Plan' });
		const migrate = addPhase(doc, { name: 'Migrate' });
		const task = addTask(doc, { title: 'Cut over MX', phaseId: migrate });
		expect(renamePhase(doc, migrate, 'plan')).toBe('There is already a phase named Plan.');
		expect(renamePhase(doc, migrate, 'Cut-over')).toBeNull();
		expect(setPhaseDates(doc, plan, { start: '2026-12-10', due: '2026-12-01' })).toBe('The phase ends before it starts.');
		expect(setPhaseDates(doc, plan, { start: '2026-12-01', due: '2026-12-10' })).toBeNull();
		shiftPhase(doc, migrate, -1);
		expect(phaseNames(doc)).toEqual(['Cut-over', 'Plan']);
		removePhase(doc, migrate);
		expect(phaseNames(doc)).toEqual(['Plan']);
		expect(readTasks(doc).find((t) => t.id === task)).toMatchObject({ phaseId: null, deletedAt: null });
	});
});
