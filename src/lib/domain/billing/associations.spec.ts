import { describe, expect, it } from 'vitest';
import type { PlanAssociationRecord } from '../contracts/billing-schema.js';
import { associationsFor, countsByCustomer, countsOf, dissociation, isCurrent, missingProgramPlans, NO_COUNTS, quantityKeys, quantityOf, quantityText } from './associations.js';

const association = (fields: Partial<PlanAssociationRecord>): PlanAssociationRecord => ({
	id: 'a1',
	customerId: 'c1',
	planId: 'p1',
	contractId: null,
	cycle: 'monthly',
	dueDays: null,
	billToEmail: null,
	start: '2026-01-01',
	end: null,
	workstations: null,
	servers: null,
	mobiles: null,
	users: null,
	priceOverride: null,
	deletedAt: null,
	...fields
});

const terms = { cycle: 'quarterly' as const, start: '2026-12-01', dueDays: 15, billToEmail: 'ap@contoso.example' };

describe('quantities', () => {
	it('bills devices by type, users, or nothing for a flat plan', () => {
		expect(quantityKeys('devices')).toEqual(['workstations', 'servers', 'mobiles']);
		expect(quantityKeys('users')).toEqual(['users']);
		expect(quantityKeys('flat')).toEqual([]);
	});

	it('counts billable devices and contacts per customer, deleted ones left out', () => {
		const counts = countsByCustomer(
			[
				{ customerId: 'c1', type: 'workstation', deletedAt: null },
				{ customerId: 'c1', type: 'workstation', deletedAt: null },
				{ customerId: 'c1', type: 'server', deletedAt: null },
				{ customerId: 'c1', type: 'network', deletedAt: null },
				{ customerId: 'c1', type: 'mobile', deletedAt: '2026-01-01T00:00:00Z' },
				{ customerId: 'c2', type: 'mobile', deletedAt: null }
			],
			[
				{ customerId: 'c1', deletedAt: null },
				{ customerId: 'c3', deletedAt: null },
				{ customerId: 'c3', deletedAt: '2026-01-01T00:00:00Z' }
			]
		);
		expect(counts.get('c1')).toEqual({ workstations: 2, servers: 1, mobiles: 0, users: 1 });
		expect(counts.get('c2')).toEqual({ ...NO_COUNTS, mobiles: 1 });
		expect(counts.get('c3')).toEqual({ ...NO_COUNTS, users: 1 });
	});

	it('counts one customer from its own records', () => {
		expect(countsOf([{ type: 'server' }, { type: 'workstation', deletedAt: null }, { type: 'other' }], [{ deletedAt: '2026-01-01T00:00:00Z' }, {}])).toEqual({ workstations: 1, servers: 1, mobiles: 0, users: 1 });
		expect(countsOf([], [])).toEqual(NO_COUNTS);
	});

	it('names one or many', () => {
		expect([quantityText('servers', 1), quantityText('mobiles', 0), quantityText('users', 12)]).toEqual(['1 server', '0 mobile devices', '12 users']);
	});

	it('uses a quantity set by hand over the count, zero included', () => {
		const counts = { ...NO_COUNTS, workstations: 12, servers: 2 };
		expect(quantityOf(association({}), 'workstations', counts)).toEqual({ value: 12, counted: true });
		expect(quantityOf(association({ servers: 0 }), 'servers', counts)).toEqual({ value: 0, counted: false });
	});
});

describe('associating', () => {
	it('makes one association per customer, skipping those who have the plan now', () => {
		const existing = [association({ customerId: 'c1' }), association({ customerId: 'c2', end: '2026-06-30' }), association({ customerId: 'c3', deletedAt: '2026-01-02T00:00:00Z' })];
		const { add, already } = associationsFor('p1', ['c1', 'c2', 'c3', 'c4', 'c4'], existing, terms, '2026-12-01');
		expect(already).toEqual(['c1']);
		expect(add.map((a) => a.customerId)).toEqual(['c2', 'c3', 'c4']);
		expect(add[0]).toEqual({
			customerId: 'c2',
			planId: 'p1',
			contractId: null,
			cycle: 'quarterly',
			dueDays: 15,
			billToEmail: 'ap@contoso.example',
			start: '2026-12-01',
			end: null,
			workstations: null,
			servers: null,
			mobiles: null,
			users: null,
			priceOverride: null
		});
	});

	it('counts an association that starts later or ends today as current', () => {
		expect(isCurrent(association({ start: '2027-01-01' }), '2026-12-01')).toBe(true);
		expect(isCurrent(association({ end: '2026-12-01' }), '2026-12-01')).toBe(true);
		expect(isCurrent(association({ end: '2026-11-30' }), '2026-12-01')).toBe(false);
	});

	it('offers the program plans the customer does not have', () => {
		const mine = [association({ planId: 'p1' }), association({ planId: 'p2', end: '2026-01-31' })];
		expect(missingProgramPlans({ planIds: ['p1', 'p2', 'p3', 'p3'] }, mine, '2026-12-01')).toEqual(['p2', 'p3']);
	});
});

describe('dissociating', () => {
	const now = new Date('2026-12-05T10:00:00Z');

	it('ends a started association on the day chosen', () => {
		expect(dissociation(association({ start: '2026-01-01' }), '2026-12-05', now)).toEqual({ end: '2026-12-05' });
		expect(dissociation(association({ start: '2026-12-05' }), '2026-12-05', now)).toEqual({ end: '2026-12-05' });
	});

	it('keeps an earlier end', () => {
		expect(dissociation(association({ end: '2026-10-31' }), '2026-12-05', now)).toEqual({ end: '2026-10-31' });
	});

	it('deletes one that has not started by then, or has no start', () => {
		expect(dissociation(association({ start: '2027-01-01' }), '2026-12-05', now)).toEqual({ deletedAt: now.toISOString() });
		expect(dissociation(association({ start: null }), '2026-12-05', now)).toEqual({ deletedAt: now.toISOString() });
	});
});
