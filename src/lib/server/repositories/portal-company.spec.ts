import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../../server/migrations/index.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite.js';
import type { Db } from '../db/types.js';
import { asPortalCompany } from './portal.js';

const T = '01a20000-0000-7000-8000-000000000001';
const OTHER = '01a20000-0000-7000-8000-000000000002';

/**
 * Row-level security, the portal's second wall (DESIGN.md §4): queries that
 * forget their WHERE clause still see only the company's own rows, and never
 * the MSP's costs and prices.
 */
describe('the portal role', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openPglite();
		await migrate(db, migrations);
		const doc = (tenant: string, customer: string) => `${tenant}:customer:${customer}`;
		for (const [tenant, customer, product] of [[T, 'c1', 'p1'], [T, 'c2', 'p2'], [OTHER, 'c1', 'p3']]) {
			await db.query(`INSERT INTO products (tenant_id, id, name, unit, unit_cost, unit_price, doc_name, doc_version) VALUES ($1, $2, $3, 'flat', 100, 200, $4, 1)`, [tenant, product, `Product ${product}`, `${tenant}:catalog`]);
			await db.query(`INSERT INTO deployments (tenant_id, id, customer_id, product_id, quantity, doc_name, doc_version) VALUES ($1, $2, $3, $4, 5, $5, 1)`, [tenant, `d-${product}`, customer, product, doc(tenant, customer)]);
			await db.query(`INSERT INTO devices (tenant_id, id, customer_id, name, type, doc_name, doc_version) VALUES ($1, $2, $3, $4, 'server', $5, 1)`, [tenant, `dev-${product}`, customer, `Device ${product}`, doc(tenant, customer)]);
		}
		// an in-memory Postgres and every migration: seconds on a busy machine
	}, 60_000);
	afterAll(() => db.close());

	const asContoso = <T>(fn: (tx: Db) => Promise<T>) => asPortalCompany(db, T, 'c1', fn);

	it('sees only its company\'s deployments and devices, whatever the query asks', async () => {
		expect(await asContoso((tx) => tx.query('SELECT id FROM deployments'))).toEqual([{ id: 'd-p1' }]);
		expect(await asContoso((tx) => tx.query('SELECT id FROM devices'))).toEqual([{ id: 'dev-p1' }]);
	});

	it('sees the names of the products its company runs, and no other product', async () => {
		expect(await asContoso((tx) => tx.query('SELECT id, name FROM products'))).toEqual([{ id: 'p1', name: 'Product p1' }]);
	});

	it('may not read what the MSP pays or charges', async () => {
		await expect(asContoso((tx) => tx.query('SELECT unit_cost FROM products'))).rejects.toThrow(/permission denied/);
		await expect(asContoso((tx) => tx.query('SELECT unit_price FROM products'))).rejects.toThrow(/permission denied/);
	});

	it('may not write', async () => {
		await expect(asContoso((tx) => tx.query(`UPDATE devices SET name = 'x'`))).rejects.toThrow(/permission denied/);
		await expect(asContoso((tx) => tx.query(`DELETE FROM portal_proposals`))).rejects.toThrow(/permission denied/);
	});
});
