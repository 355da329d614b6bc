import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../../server/migrations/index.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import type { Db } from '../db/types.js';
import { readServiceDesk } from '#lib/domain/servicedesk/read.js';
import { parseRule } from '#lib/domain/servicedesk/rules.js';
import { applyStored } from '../documents/stored-doc.js';
import { loadStoredDoc } from '../repositories/ydocs.js';
import { draftRun } from '#lib/domain/billing/draft.js';
import { draftInput } from '../billing/draft-input.js';
import { loadBillingInputs } from '../repositories/billing-inputs.js';
import { DEMO, seedDemo } from './demo.js';

const count = async (db: Db, table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('the demo tenant', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openPglite();
		await migrate(db, migrations);
		// an in-memory Postgres, every migration and argon2 hashes: seconds on a busy machine
	}, 60_000);
	afterAll(() => db.close());

	it('comes with a stack, contracts and customers, as documents and as the rows lists read', async () => {
		await seedDemo(db);
		expect(await count(db, 'customers')).toBe(6);
		expect(await count(db, 'products')).toBe(6);
		expect(await count(db, 'vendor_contracts')).toBe(3);
		expect(await count(db, 'customer_contracts')).toBe(8);
		expect(await count(db, 'deployments')).toBeGreaterThan(10);
		expect(await count(db, 'devices')).toBeGreaterThan(50);
		// one document per customer, ticket, project and timesheet week, the catalog and the contracts, every record valid
		expect(await count(db, 'ydocs')).toBe(24);
		expect(await count(db, 'materializer_errors')).toBe(0);
	}, 60_000);

	it('has a service desk at work: tickets numbered in the order they came in, in every state, on the tech\'s days', async () => {
		const tickets = await db.query<{ number: number; status: string; source: string; assignee: string | null }>(
			'SELECT number, status, source, assignee FROM tickets ORDER BY created_at'
		);
		expect(tickets.map((t) => Number(t.number))).toEqual(tickets.map((_, i) => i + 1));
		expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['new', 'in-progress', 'scheduled', 'waiting-on-customer', 'resolved', 'closed']));
		expect(new Set(tickets.map((t) => t.source))).toEqual(new Set(['alert', 'portal', 'mail', 'phone', 'manual']));
		expect(await count(db, 'ticket_visits')).toBe(2);
		expect(await count(db, 'ticket_types')).toBe(3);
		// the counter carries on after the demo's tickets
		expect((await db.query<{ value: number }>("SELECT value FROM counters WHERE name = 'ticket'"))[0].value).toBe(tickets.length);
		expect((await db.query<{ classification: string }>("SELECT classification FROM customers WHERE lead_tech_id IS NOT NULL"))).toEqual([{ classification: 'Premier' }]);
		// the three rules, every one of them readable
		const [{ id: tenantId }] = await db.query<{ id: string }>('SELECT id FROM tenants');
		const rules = readServiceDesk(applyStored(await loadStoredDoc(db, tenantId, `${tenantId}:catalog`))).rules;
		expect(rules.map((r) => r.name)).toHaveLength(4);
		expect(rules.map((r) => parseRule(r)).filter((r) => 'error' in r)).toEqual([]);
		expect((await db.query("SELECT 1 FROM ticket_numbers WHERE created_rules_at IS NULL")).length).toBe(0);
	}, 60_000);

	it('has the tech\'s short Friday, their approved day off and the dispatcher\'s request waiting', async () => {
		expect(await db.query('SELECT status, kind FROM time_off_requests ORDER BY status')).toEqual([{ status: 'approved', kind: 'vacation' }, { status: 'requested', kind: 'personal' }]);
		expect(await db.query('SELECT minutes FROM staff_capacity')).toEqual([{ minutes: [480, 480, 480, 480, 360, 0, 0] }]);
	});

	it('has a project under way, a template, and the tech\'s weeks: last week waiting for approval, on tickets and tasks', async () => {
		expect(await db.query('SELECT name, status, template FROM projects ORDER BY name')).toEqual([
			{ name: 'Microsoft 365 mail migration', status: 'active', template: false },
			{ name: 'New customer onboarding', status: 'planned', template: true }
		]);
		expect(await count(db, 'tasks')).toBe(12);
		expect(await db.query("SELECT count(*)::int AS n FROM tasks WHERE done")).toEqual([{ n: 2 }]);
		expect(await db.query('SELECT status FROM week_approvals')).toEqual([{ status: 'submitted' }]);
		const entries = await db.query<{ on_task: number; on_ticket: number; total: number }>(
			'SELECT count(task_id)::int AS on_task, count(ticket_id)::int AS on_ticket, count(*)::int AS total FROM time_entries'
		);
		expect(entries[0].on_task).toBeGreaterThanOrEqual(5);
		expect(entries[0].on_ticket).toBeGreaterThanOrEqual(4);
		expect(entries[0].total).toBeGreaterThanOrEqual(10);
	});

	it('is re-created from scratch by a second seed, not doubled', async () => {
		await seedDemo(db);
		expect(await count(db, 'customers')).toBe(6);
		expect(await count(db, 'ydocs')).toBe(24);
		expect(await db.query('SELECT name FROM tenants')).toEqual([{ name: DEMO.tenantName }]);
	}, 60_000);

	it("bills: a month's draft has the managed agreements, the backup plan, the block of hours and resold licences, and no problems", async () => {
		const today = new Date().toISOString().slice(0, 10);
		const period = { start: `${today.slice(0, 7)}-01`, end: today };
		const { invoices, problems } = draftRun(draftInput(await loadBillingInputs(db, (await db.query<{ id: string }>('SELECT id FROM tenants'))[0].id, period), period).input);
		expect(problems).toEqual([]);
		expect(invoices).toHaveLength(6);
		const sources = new Set(invoices.flatMap((i) => i.lines.map((l) => l.sourceKind)));
		for (const kind of ['contract', 'plan', 'deployment']) expect(sources).toContain(kind);
		expect(invoices.flatMap((i) => i.lines).every((l) => Number.isInteger(l.amount) && l.amount >= 0)).toBe(true);
	}, 60_000);
});
