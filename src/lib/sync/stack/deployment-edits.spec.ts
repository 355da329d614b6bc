import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import { addRecord, createCustomer, setRecordDeleted } from '#lib/domain/customer/edits.js';
import { changeQuantities, rollOut } from './deployment-edits.js';

const tenant = '0196a000-0000-7000-8000-000000000001';
const name = `${tenant}:customer:c1`;

function customer() {
	const doc = new Y.Doc();
	createCustomer(doc, 'c1', { name: 'Contoso' });
	return doc;
}

const live = (doc: Y.Doc) => projectCustomer(name, doc).deployments.filter((d) => !d.deletedAt);

describe('rollOut', () => {
	it('adds a deployment the projection accepts', () => {
		const doc = customer();
		expect(rollOut(doc, 'p1', { quantity: 12, since: '2026-03-01' })).toBe('added');
		const { deployments, problems } = projectCustomer(name, doc);
		expect(problems).toEqual([]);
		expect(deployments).toEqual([expect.objectContaining({ productId: 'p1', quantity: 12, since: '2026-03-01', customerId: 'c1' })]);
	});

	it('updates the quantity of a customer that already runs the product instead of adding a second deployment', () => {
		const doc = customer();
		rollOut(doc, 'p1', { quantity: 12, since: '2026-03-01' });
		expect(rollOut(doc, 'p1', { quantity: 20, since: '2026-04-01' })).toBe('updated');
		expect(rollOut(doc, 'p1', { quantity: 20, since: '2026-04-01' })).toBe('unchanged');
		expect(live(doc)).toEqual([expect.objectContaining({ quantity: 20, since: '2026-03-01' })]);
	});

	it('adds again after the earlier deployment was deleted', () => {
		const doc = customer();
		const old = addRecord(doc, 'deployments', { productId: 'p1', quantity: 3 });
		setRecordDeleted(doc, 'deployments', old, true);
		expect(rollOut(doc, 'p1', { quantity: 5, since: null })).toBe('added');
		expect(live(doc).map((d) => d.quantity)).toEqual([5]);
	});
});

describe('changeQuantities', () => {
	it('sets or adds to the chosen deployments only', () => {
		const doc = customer();
		const a = addRecord(doc, 'deployments', { productId: 'p1', quantity: 10 });
		const b = addRecord(doc, 'deployments', { productId: 'p1', quantity: 4 });
		expect(changeQuantities(doc, [a], { mode: 'add', quantity: 5 })).toBe('updated');
		expect(changeQuantities(doc, [a, b], { mode: 'set', quantity: 15 })).toBe('updated');
		expect(changeQuantities(doc, [a, b], { mode: 'set', quantity: 15 })).toBe('unchanged');
		expect(live(doc).map((d) => d.quantity)).toEqual([15, 15]);
	});
});
