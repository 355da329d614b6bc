import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPhase, addTask, createProject, moveTask, removeTask, setDependencies, updateTask } from './edits.js';
import { projectProject } from './projection.js';
import { copyPlan, planStart, readPlan, writePlan } from './template.js';

const TENANT = '01a30000-0000-7000-8000-0000000000aa';
const SOURCE = '01a30000-0000-7000-8000-000000000010';
const COPY = '01a30000-0000-7000-8000-000000000020';

function template() {
	const doc = new Y.Doc();
	createProject(doc, SOURCE, { name: 'Office move', customerId: 'c-1', start: '2025-01-06', due: '2025-02-28', budgetMinutes: 2400, template: true });
	const plan = addPhase(doc, { name: 'Plan', start: '2025-01-06', due: '2025-01-17' }, 'ph-plan');
	const build = addPhase(doc, { name: 'Build' }, 'ph-build');
	addTask(doc, { title: 'Survey', start: '2025-01-06', due: '2025-01-08', phaseId: plan, assignees: ['u-1'], estimateMinutes: 960 }, 't-survey');
	addTask(doc, { title: 'Order kit', start: '2025-01-09', due: '2025-01-10', phaseId: plan }, 't-order');
	addTask(doc, { title: 'Rack switches', start: '2025-01-20', due: '2025-01-24', phaseId: build }, 't-rack');
	addTask(doc, { title: 'Cut over', due: '2025-02-28', milestone: true, fixedPrice: 150_000 }, 't-cutover');
	addTask(doc, { title: 'Old idea' }, 't-gone');
	setDependencies(doc, 't-order', ['t-survey']);
	setDependencies(doc, 't-rack', ['t-order', 't-gone']);
	setDependencies(doc, 't-cutover', ['t-rack']);
	removeTask(doc, 't-gone');
	moveTask(doc, 't-survey', 'done', 0);
	updateTask(doc, 't-order', { ticketId: 'ticket-1' });
	return doc;
}

let counter = 0;
const ids = () => `n-${++counter}`;

describe('copyPlan', () => {
	it('shifts every date so the template’s start is the chosen start, the gaps kept', () => {
		const source = readPlan(template())!;
		const copy = copyPlan(source, { id: COPY, name: ' New office ', start: '2025-03-03', template: false, keepAssignees: false, newId: ids });
		expect(copy.project).toMatchObject({ id: COPY, name: 'New office', start: '2025-03-03', due: '2025-04-25', template: false, status: 'planned', customerId: 'c-1', budgetMinutes: 2400 });
		const byTitle = new Map(copy.tasks.map((t) => [t.title, t]));
		expect([...byTitle.keys()].sort()).toEqual(['Cut over', 'Order kit', 'Rack switches', 'Survey']);
		expect(byTitle.get('Survey')).toMatchObject({ start: '2025-03-03', due: '2025-03-05', assignees: [], status: 'todo', completedAt: null });
		expect(byTitle.get('Rack switches')).toMatchObject({ start: '2025-03-17', due: '2025-03-21' });
		expect(byTitle.get('Cut over')).toMatchObject({ start: null, due: '2025-04-25', milestone: true, fixedPrice: 150_000 });
		expect(copy.phases.map((p) => [p.name, p.start, p.due])).toEqual([
			['Build', null, null],
			['Plan', '2025-03-03', '2025-03-14']
		]);
	});

	it('gives every record a new id, remaps dependencies and phases, keeps ranks, drops removed tasks and ticket links', () => {
		const source = readPlan(template())!;
		const copy = copyPlan(source, { id: COPY, name: 'Copy', start: '2025-03-03', template: false, keepAssignees: true, newId: ids });
		const oldIds = new Set([...source.tasks, ...source.phases].map((r) => r.id));
		expect([...copy.tasks, ...copy.phases].some((r) => oldIds.has(r.id))).toBe(false);
		const idOf = (title: string) => copy.tasks.find((t) => t.title === title)!.id;
		const task = (title: string) => copy.tasks.find((t) => t.title === title)!;
		expect(task('Order kit').dependencies).toEqual([idOf('Survey')]);
		expect(task('Rack switches').dependencies).toEqual([idOf('Order kit')]);
		expect(task('Order kit').ticketId).toBeNull();
		expect(task('Survey').assignees).toEqual(['u-1']);
		const phaseOf = (title: string) => copy.phases.find((p) => p.id === task(title).phaseId)?.name;
		expect([phaseOf('Survey'), phaseOf('Rack switches'), phaseOf('Cut over')]).toEqual(['Plan', 'Build', undefined]);
		for (const t of copy.tasks) expect(t.rank).toBe(source.tasks.find((s) => s.title === t.title)!.rank);
		expect(source.tasks.find((t) => t.title === 'Survey')!.status).toBe('done');
	});

	it('written into a new document, projects as a project with the same shape', () => {
		const copy = copyPlan(readPlan(template())!, { id: COPY, name: 'Copy', start: '2025-06-02', template: false, keepAssignees: false });
		const doc = new Y.Doc();
		writePlan(doc, copy);
		const rows = projectProject(`${TENANT}:project:${COPY}`, doc);
		expect(rows.problems).toEqual([]);
		expect(rows.projects[0]).toMatchObject({ id: COPY, template: false, start: '2025-06-02', taskCount: 4, tasksDone: 0 });
		expect(rows.tasks.find((t) => t.title === 'Order kit')!.dependencies).toHaveLength(1);
		expect(readPlan(doc)).toEqual(copy);
	});

	it('saving as a template keeps the dates when no start is chosen', () => {
		const source = readPlan(template())!;
		const saved = copyPlan({ ...source, project: { ...source.project, template: false } }, { id: COPY, name: 'Office move (template)', template: true, keepAssignees: false });
		expect(saved.project).toMatchObject({ template: true, start: '2025-01-06', due: '2025-02-28' });
		expect(saved.tasks.find((t) => t.title === 'Survey')!.start).toBe('2025-01-06');
	});

	it('a template without a start starts at its earliest date; one with no dates keeps none', () => {
		const doc = new Y.Doc();
		createProject(doc, SOURCE, { name: 'Undated start' });
		addTask(doc, { title: 'Later', start: '2025-01-20' });
		addTask(doc, { title: 'Earlier', due: '2025-01-10' });
		const plan = readPlan(doc)!;
		expect(planStart(plan)).toBe('2025-01-10');
		const copy = copyPlan(plan, { id: COPY, name: 'Copy', start: '2025-01-13', template: false, keepAssignees: false });
		expect(copy.tasks.map((t) => t.start ?? t.due).sort()).toEqual(['2025-01-13', '2025-01-23']);

		const blank = new Y.Doc();
		createProject(blank, SOURCE, { name: 'Blank' });
		addTask(blank, { title: 'Something' });
		const fresh = copyPlan(readPlan(blank)!, { id: COPY, name: 'Copy', start: '2025-01-13', template: false, keepAssignees: false });
		expect(fresh.project.start).toBe('2025-01-13');
		expect(fresh.tasks[0]).toMatchObject({ start: null, due: null });
	});

	it('readPlan gives null for a document with no project', () => {
		expect(readPlan(new Y.Doc())).toBeNull();
	});
});
