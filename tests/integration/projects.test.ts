import { describe, expect, it } from 'vitest';
import { addPhase, addTask, columnCards, createProject, moveTask, setDependencies, updateTask } from '#lib/domain/project/edits.js';
import { rematerializeVerified, serverForFile } from '../support/app.js';
import { signUpTenant } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

const PROJECT = '01a30000-0000-7000-8000-0000000000f1';
const task = (n: number) => `01a30000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`;

describe('projects', () => {
	it('a project edited through two providers lands as rows, and rematerialize reproduces them', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:project:${PROJECT}`;
		const lead = await openAs(owner.client, name);
		createProject(lead.doc, PROJECT, { name: 'Office move', customerId: 'c-1', due: '2026-02-27', budgetMinutes: 2400, budgetMoney: 480_000 });
		const phase = addPhase(lead.doc, { name: 'Plan' }, 'ph-plan');
		for (const n of [1, 2, 3]) addTask(lead.doc, { title: `Task ${n}`, estimateMinutes: 60 * n, phaseId: phase }, task(n));
		expect(setDependencies(lead.doc, task(2), [task(1)])).toBeNull();
		await allAcknowledged(lead.provider);

		// a second person on the same board moves cards while the lead edits
		const tech = await openAs(owner.client, name);
		moveTask(tech.doc, task(3), 'todo', 0);
		moveTask(lead.doc, task(1), 'done', 0);
		updateTask(lead.doc, task(2), { assignees: ['u-1', 'u-2'] });
		await Promise.all([allAcknowledged(lead.provider), allAcknowledged(tech.provider)]);
		await eventually(() => columnCards(lead.doc, 'todo')[0]?.id === task(3) && columnCards(tech.doc, 'done').length === 1, 10_000, 'both replicas merged');

		const rows = await eventually(async () => {
			const feed = await readAllRows(owner.client);
			return feed.tasks?.length === 3 && feed.tasks.some((t) => t.done) && feed.tasks.some((t) => t.assignees?.length === 2) && feed.projects?.[0]?.tasksDone === 1 ? feed : null;
		}, 20_000, 'the project\'s rows');
		expect(rows.projects).toEqual([expect.objectContaining({ id: PROJECT, name: 'Office move', status: 'planned', customerId: 'c-1', budgetMinutes: 2400, budgetMoney: 480_000, taskCount: 3, tasksDone: 1, estimateMinutes: 360, percentComplete: 16 })]);
		expect(rows.projectPhases).toEqual([expect.objectContaining({ id: 'ph-plan', projectId: PROJECT, name: 'Plan' })]);
		expect(rows.tasks.map((t) => [t.id, t.status, t.done, t.dependencies, t.assignees])).toEqual([
			[task(1), 'done', true, [], []],
			[task(2), 'todo', false, [task(1)], ['u-1', 'u-2']],
			[task(3), 'todo', false, [], []]
		]);
		// the board's order in Postgres is the order on both replicas
		const todo = rows.tasks.filter((t) => t.status === 'todo').sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((t) => t.id);
		expect(todo).toEqual(columnCards(tech.doc, 'todo').map((t) => t.id));
		lead.close();
		tech.close();

		const result = await rematerializeVerified(server);
		expect(result.output).toContain('projections identical');
		expect(result.code).toBe(0);
	// two providers, a rematerialize and its verification: near a minute on a loaded two-core machine
	}, 180_000);

	it('three clients reorder the same column at once and converge, every card present once, in Postgres too', async () => {
		const owner = await signUpTenant(server.app.url);
		const id = '01a30000-0000-7000-8000-0000000000f2';
		const name = `${owner.tenantId}:project:${id}`;
		const seed = await openAs(owner.client, name);
		createProject(seed.doc, id, { name: 'Board race' });
		const cards = Array.from({ length: 8 }, (_, n) => addTask(seed.doc, { title: `Card ${n + 1}` }, task(10 + n)));
		await allAcknowledged(seed.provider);
		const clients = [seed, await openAs(owner.client, name), await openAs(owner.client, name)];
		// each drags cards within "To do" from its own view, all before any of them hears the others
		for (let round = 0; round < 5; round++) {
			clients.forEach((client, i) => moveTask(client.doc, cards[(round * 3 + i) % cards.length], 'todo', (round + i * 2) % cards.length));
		}
		await Promise.all(clients.map((c) => allAcknowledged(c.provider)));
		const orderOf = (c: (typeof clients)[number]) => columnCards(c.doc, 'todo').map((t) => t.id).join(' ');
		await eventually(() => new Set(clients.map(orderOf)).size === 1, 10_000, 'the same order on every client');
		const order = columnCards(seed.doc, 'todo').map((t) => t.id);
		expect([...order].sort()).toEqual([...cards].sort());

		const rows = await eventually(async () => {
			const tasks = ((await readAllRows(owner.client)).tasks ?? []).filter((t) => t.projectId === id);
			const byRank = [...tasks].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1)).map((t) => t.id);
			return byRank.join(' ') === order.join(' ') ? tasks : null;
		}, 20_000, 'Postgres in the same order');
		expect(rows).toHaveLength(cards.length);
		for (const client of clients) client.close();
	});
});
