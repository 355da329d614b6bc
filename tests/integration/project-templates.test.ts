import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { parseDay } from '#lib/domain/contracts/days.js';
import { addPhase, addTask, createProject, moveTask, setDependencies } from '#lib/domain/project/edits.js';
import { copyPlan, readPlan, writePlan, type CopyOptions } from '#lib/domain/project/template.js';
import { serverForFile } from '../support/app.js';
import { signUpTenant } from '../support/client.js';
import { readAllRows, type FeedRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

/**
 * Templates end to end: a project saved as a template and started again with
 * a new start date, each copy written the way the browser writes it (the
 * template read from its own synced document), reaches Postgres with every
 * date moved by the same number of days.
 */
const server = serverForFile();

const SOURCE = '01a30000-0000-7000-8000-0000000002f1';
const TEMPLATE = '01a30000-0000-7000-8000-0000000002f2';
const DROPPED = '01a30000-0000-7000-8000-0000000002f3';
const KEPT = '01a30000-0000-7000-8000-0000000002f4';
const SHIFT_DAYS = 56;

type Owner = Awaited<ReturnType<typeof signUpTenant>>;

/** The source project: two phases, dated tasks with assignees and dependencies, an estimate-only task, a milestone, one task finished. */
function fillSource(doc: Y.Doc) {
	createProject(doc, SOURCE, { name: 'Office move', start: '2026-01-05', due: '2026-02-27', budgetMinutes: 4800 });
	const plan = addPhase(doc, { name: 'Plan', start: '2026-01-05', due: '2026-01-16' });
	const build = addPhase(doc, { name: 'Build' });
	const survey = addTask(doc, { title: 'Survey', start: '2026-01-05', due: '2026-01-07', phaseId: plan, assignees: ['u-ann', 'u-bob'] });
	const order = addTask(doc, { title: 'Order kit', start: '2026-01-08', due: '2026-01-09', phaseId: plan, assignees: ['u-bob'] });
	const rack = addTask(doc, { title: 'Rack switches', start: '2026-01-19', due: '2026-01-23', phaseId: build, estimateMinutes: 1200 });
	addTask(doc, { title: 'Label cables', start: '2026-01-26', estimateMinutes: 960, phaseId: build });
	const cutover = addTask(doc, { title: 'Cut over', due: '2026-02-27', milestone: true, fixedPrice: 250_000 });
	setDependencies(doc, order, [survey]);
	setDependencies(doc, rack, [order]);
	setDependencies(doc, cutover, [rack]);
	moveTask(doc, survey, 'done', 0);
}

/** Copies the plan of a document, read from a fresh synced provider, into a new document (what the browser's templates.ts does). */
async function copyDocument(owner: Owner, fromId: string, options: CopyOptions) {
	const from = await openAs(owner.client, `${owner.tenantId}:project:${fromId}`);
	const plan = readPlan(from.doc);
	from.close();
	if (!plan) throw new Error(`no plan in ${fromId}`);
	const to = await openAs(owner.client, `${owner.tenantId}:project:${options.id}`);
	writePlan(to.doc, copyPlan(plan, options));
	await allAcknowledged(to.provider);
	to.close();
}

const byProject = (rows: FeedRows, table: string, projectId: string) => (rows[table] ?? []).filter((r) => (table === 'projects' ? r.id : r.projectId) === projectId);
const dayOf = (date: string | null) => parseDay(date);
/** a record's dates as day numbers, so two copies compare by their distance */
const days = (r: Record<string, any>) => [dayOf(r.start), dayOf(r.due)];
const shifted = (r: Record<string, any>, by: number) => days(r).map((d) => (d === null ? null : d + by));

describe('project templates', () => {
	it('a template started with a new start date lands in Postgres with every date shifted, the flag right and assignees as chosen', async () => {
		const owner = await signUpTenant(server.app.url);
		const source = await openAs(owner.client, `${owner.tenantId}:project:${SOURCE}`);
		fillSource(source.doc);
		await allAcknowledged(source.provider);
		source.close();

		await copyDocument(owner, SOURCE, { id: TEMPLATE, name: 'Office move (template)', template: true, keepAssignees: true });
		const start = '2026-03-02';
		expect(dayOf(start)! - dayOf('2026-01-05')!).toBe(SHIFT_DAYS);
		await copyDocument(owner, TEMPLATE, { id: DROPPED, name: 'Contoso move', start, customerId: 'c-contoso', template: false, keepAssignees: false });
		await copyDocument(owner, TEMPLATE, { id: KEPT, name: 'Fabrikam move', start, template: false, keepAssignees: true });

		const rows = await eventually(async () => {
			const feed = await readAllRows(owner.client);
			const complete = [SOURCE, TEMPLATE, DROPPED, KEPT].every((id) => byProject(feed, 'tasks', id).length === 5 && byProject(feed, 'projects', id).length === 1);
			return complete ? feed : null;
		}, 30_000, 'the four projects\' rows');

		const [template] = byProject(rows, 'projects', TEMPLATE);
		expect(template).toMatchObject({ name: 'Office move (template)', template: true, start: '2026-01-05', due: '2026-02-27', budgetMinutes: 4800, status: 'planned' });
		for (const [id, keep] of [[DROPPED, false], [KEPT, true]] as const) {
			const [project] = byProject(rows, 'projects', id);
			expect(project).toMatchObject({ template: false, start, due: '2026-04-24', budgetMinutes: 4800, tasksDone: 0 });
			expect(project.customerId).toBe(id === DROPPED ? 'c-contoso' : null);

			const templateTasks = new Map(byProject(rows, 'tasks', TEMPLATE).map((t) => [t.title, t]));
			const tasks = byProject(rows, 'tasks', id);
			const ids = new Map(tasks.map((t) => [t.id, t.title]));
			for (const task of tasks) {
				const original = templateTasks.get(task.title)!;
				expect(days(task), task.title).toEqual(shifted(original, SHIFT_DAYS));
				expect(task.assignees, task.title).toEqual(keep ? original.assignees : []);
				expect(task.milestone).toBe(original.milestone);
				expect(task.done, `${task.title} starts over`).toBe(false);
				// dependencies point at the copy's own tasks, by the same titles
				expect(task.dependencies.map((d: string) => ids.get(d))).toEqual(original.dependencies.map((d: string) => byProject(rows, 'tasks', TEMPLATE).find((t) => t.id === d)?.title));
			}
			expect(tasks.find((t) => t.title === 'Cut over')).toMatchObject({ milestone: true, due: '2026-04-24', fixedPrice: 250_000 });
			expect(tasks.find((t) => t.title === 'Survey')?.assignees).toEqual(keep ? ['u-ann', 'u-bob'] : []);

			const templatePhases = new Map(byProject(rows, 'projectPhases', TEMPLATE).map((p) => [p.name, p]));
			for (const phase of byProject(rows, 'projectPhases', id)) expect(days(phase), phase.name).toEqual(shifted(templatePhases.get(phase.name)!, SHIFT_DAYS));
		}

		// the pickers' list (GET /api/v1/projects) keeps templates and projects apart
		const names = async (path: string) => ((await owner.client.get(path)).json.projects as { name: string }[]).map((p) => p.name);
		expect(await names('/api/v1/projects?templates=1')).toEqual(['Office move (template)']);
		expect(await names('/api/v1/projects')).toEqual(['Contoso move', 'Fabrikam move', 'Office move']);
	}, 180_000);
});
