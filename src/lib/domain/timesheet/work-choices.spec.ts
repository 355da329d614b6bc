import { describe, expect, it } from 'vitest';
import { taskChoices, workTarget } from './work-choices.js';

const project = (id: string, name: string, extra: object = {}) => ({ id, name, customerId: 'c1', status: 'active' as const, template: false, deletedAt: null, ...extra });
const task = (id: string, title: string, projectId: string, extra: object = {}) => ({ id, title, projectId, done: false, milestone: false, deletedAt: null, ...extra });

describe('task choices', () => {
	it('offers the open tasks of live projects as "Project › Task", sorted', () => {
		const projects = [project('p1', 'Mail migration'), project('p2', 'Backup rollout', { customerId: null })];
		const tasks = [task('t1', 'Cut over MX', 'p1'), task('t2', 'Install agents', 'p2'), task('t3', 'Audit mailboxes', 'p1')];
		expect(taskChoices(projects, tasks)).toEqual([
			{ id: 't2', kind: 'task', label: 'Backup rollout › Install agents', customerId: null, projectId: 'p2' },
			{ id: 't3', kind: 'task', label: 'Mail migration › Audit mailboxes', customerId: 'c1', projectId: 'p1' },
			{ id: 't1', kind: 'task', label: 'Mail migration › Cut over MX', customerId: 'c1', projectId: 'p1' }
		]);
	});

	it('leaves out done, removed and milestone tasks, and the tasks of templates, closed, removed or unknown projects', () => {
		const projects = [project('p1', 'Live'), project('tpl', 'Template', { template: true }), project('old', 'Old', { status: 'done' }), project('gone', 'Gone', { deletedAt: '2026-12-01T00:00:00Z' })];
		const tasks = [
			task('done', 'Done', 'p1', { done: true }),
			task('removed', 'Removed', 'p1', { deletedAt: '2026-12-01T00:00:00Z' }),
			task('milestone', 'Go-live', 'p1', { milestone: true }),
			task('a', 'A', 'tpl'),
			task('b', 'B', 'old'),
			task('c', 'C', 'gone'),
			task('d', 'D', 'nowhere'),
			task('kept', 'Kept', 'p1')
		];
		expect(taskChoices(projects, tasks).map((c) => c.id)).toEqual(['kept']);
	});

	it('puts a ticket or a task (with its project) on the entry', () => {
		expect(workTarget(null)).toEqual({ ticketId: null, taskId: null, projectId: null });
		expect(workTarget({ id: 'tk', kind: 'ticket', label: 'T-1', customerId: null, projectId: null })).toEqual({ ticketId: 'tk', taskId: null, projectId: null });
		expect(workTarget({ id: 'ta', kind: 'task', label: 'P › A', customerId: null, projectId: 'p1' })).toEqual({ ticketId: null, taskId: 'ta', projectId: 'p1' });
	});
});
