import { describe, expect, it } from 'vitest';
import { customerContract, vendorContract } from './fixtures.js';
import { renewalsByMonth, upcomingRenewals, type RenewalInput } from './renewals.js';

const base: RenewalInput = {
	vendorContracts: [
		vendorContract('v-soon', { vendorId: 'd', renewalDate: '2026-05-01', noticeDays: 30, amountPerPeriod: 1200, period: 'annual' }),
		vendorContract('v-far', { renewalDate: '2027-06-01' }),
		vendorContract('v-deleted', { renewalDate: '2026-05-01', deletedAt: '2026-01-01T00:00:00Z' })
	],
	customerContracts: [
		customerContract('c-rolling', 'c1', { start: '2025-04-10', termMonths: 12, autoRenew: true, noticeDays: 60 }),
		customerContract('c-past', 'c1', { renewalDate: '2026-01-01' }),
		customerContract('c-other', 'c2', { renewalDate: '2026-04-01' })
	],
	vendorNames: new Map([['d', 'Datto']]),
	customerNames: new Map([
		['c1', 'Contoso'],
		['c2', 'Fabrikam']
	]),
	counts: () => true,
	today: '2026-03-15',
	settings: { reminderDays: '90 30 7' },
	customerId: ''
};

describe('upcomingRenewals', () => {
	it('lists renewals within the next twelve months, soonest first, with their notice deadline', () => {
		const rows = upcomingRenewals(base);
		expect(rows.map((r) => [r.id, r.renewal, r.deadline, r.partyName])).toEqual([
			['c-other', '2026-04-01', '2026-04-01', 'Fabrikam'],
			['c-rolling', '2026-04-10', '2026-02-09', 'Contoso'],
			['v-soon', '2026-05-01', '2026-04-01', 'Datto']
		]);
		expect(rows.find((r) => r.id === 'v-soon')).toMatchObject({ monthly: 100, status: 'notice-soon', kind: 'vendor' });
		expect(rows.find((r) => r.id === 'c-rolling')?.status).toBe('notice-passed');
	});

	it("shows one customer's contracts only, and no vendor contract, when filtered", () => {
		expect(upcomingRenewals({ ...base, customerId: 'c1' }).map((r) => r.id)).toEqual(['c-rolling']);
	});

	it('leaves out the contracts of customers that do not count', () => {
		expect(upcomingRenewals({ ...base, counts: (id) => id !== 'c2' }).map((r) => r.id)).toEqual(['c-rolling', 'v-soon']);
	});
});

describe('renewalsByMonth', () => {
	it('puts each renewal under its month, in order, and leaves out the months with none', () => {
		const months = renewalsByMonth(upcomingRenewals(base));
		expect(months.map((m) => [m.month, m.renewals.map((r) => r.id)])).toEqual([
			['2026-04', ['c-other', 'c-rolling']],
			['2026-05', ['v-soon']]
		]);
		expect(renewalsByMonth([])).toEqual([]);
	});
});
