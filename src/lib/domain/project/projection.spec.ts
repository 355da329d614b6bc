import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord } from '../documents/shape.js';
import { addPhase, addTask, createProject, moveTask } from './edits.js';
import { projectProject } from './projection.js';

const TENANT = '01a30000-0000-7000-8000-0000000000aa';
const ID = '01a30000-0000-7000-8000-000000000001';
const NAME = `${TENANT}:project:${ID}`;

function sample() {
	const doc = new Y.Doc();
	createProject(doc, ID, { name: 'Office move', customerId: 'c-1', start: '2026-01-05', due: '2026-02-27', budgetMinutes: 2400, budgetMoney: 480_000 }, new Date('2026-01-02T09:00:00Z'));
	const plan = addPhase(doc, { name: 'Plan' }, 'ph-plan');
	addTask(doc, { title: 'Survey', estimateMinutes: 240, phaseId: plan, assignees: ['u-1', 'u-2'] }, 't-survey');
	addTask(doc, { title: 'Cut over', estimateMinutes: 720, milestone: true, fixedPrice: 150_000 }, 't-cutover');
	moveTask(doc, 't-survey', 'done', 0, new Date('2026-01-09T16:00:00Z'));
	return doc;
}

describe('projectProject', () => {
	it('projects the project, its phases and its tasks', () => {
		const { projects, projectPhases, tasks, problems } = projectProject(NAME, sample());
		expect(problems).toEqual([]);
		expect(projects).toEqual([
			expect.objectContaining({ id: ID, name: 'Office move', status: 'planned', customerId: 'c-1', budgetMinutes: 2400, budgetMoney: 480_000, taskCount: 2, tasksDone: 1, estimateMinutes: 960, percentComplete: 25 })
		]);
		expect(projectPhases).toEqual([expect.objectContaining({ id: 'ph-plan', name: 'Plan', projectId: ID })]);
		expect(tasks.map((t) => [t.id, t.status, t.done, t.assignees, t.completedAt, t.milestone, t.fixedPrice])).toEqual([
			['t-cutover', 'todo', false, [], null, true, 150_000],
			['t-survey', 'done', true, ['u-1', 'u-2'], '2026-01-09T16:00:00.000Z', false, null]
		]);
	});

	it('is the same on replicas that received the edits in another order', () => {
		const a = sample();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(projectProject(NAME, b)).toEqual(projectProject(NAME, a));
	});

	it('quarantines a bad task, reports a merged cycle, and still projects the rest', () => {
		const doc = sample();
		upsertRecord(doc, 'tasks', 't-bad', { title: '', estimateMinutes: 1.5 });
		upsertRecord(doc, 'tasks', 't-survey', { dependencies: 't-cutover' });
		upsertRecord(doc, 'tasks', 't-cutover', { dependencies: 't-survey' });
		const { tasks, problems } = projectProject(NAME, doc);
		expect(tasks.map((t) => t.id)).toEqual(['t-cutover', 't-survey']);
		expect(problems).toEqual([
			{ collection: 'tasks', recordId: 't-bad', reason: expect.stringContaining('a task needs a title') },
			{ collection: 'tasks', recordId: 't-cutover', reason: expect.stringContaining('“Cut over” → “Survey” → “Cut over”') }
		]);
	});

	it('gives no project row before the entity exists, and refuses other documents', () => {
		expect(projectProject(NAME, new Y.Doc()).projects).toEqual([]);
		expect(() => projectProject(`${TENANT}:ticket:${ID}`, new Y.Doc())).toThrow('not a project document');
	});
});
