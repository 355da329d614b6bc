import { describe, expect, it } from 'vitest';
import { vendorContractRecord } from '#lib/domain/catalog/schema.js';
import { customerContractRecord } from '#lib/domain/contracts/schema.js';
import { filterContracts, fromToday, kindOf, listCustomerContract, listVendorContract, type ContractFilter } from './listing.js';

const context = {
	today: '2026-03-01',
	settings: { reminderDays: '90 30 7' },
	names: new Map([
		['c1', 'Contoso'],
		['c2', 'Fabrikam'],
		['v1', 'Datto']
	])
};

const contract = (fields: Record<string, unknown>) =>
	listCustomerContract(customerContractRecord.parse({ customerId: 'c1', party: 'msp', ...fields }), context);

const all: ContractFilter = { search: '', partyId: '', kind: '', status: '', sort: 'deadline', deleted: false };

describe('listCustomerContract', () => {
	it('adds the renewal, the notice deadline and the status', () => {
		const row = contract({ id: 'a', name: 'Managed services', type: 'recurring', renewalDate: '2026-04-30', noticeDays: 30 });
		expect(row).toMatchObject({
			partyName: 'Contoso',
			kind: 'msp:recurring',
			kindLabel: 'Recurring service',
			schedule: { renewal: '2026-04-30', deadline: '2026-03-31', status: 'notice-soon' }
		});
	});

	it('says when a contract has no dates', () => {
		expect(contract({ id: 'a', name: 'Loose' }).schedule).toEqual({ renewal: null, deadline: null, status: 'no-dates' });
	});
});

describe('kindOf', () => {
	it('names agreements by type and third-party contracts as such', () => {
		expect(kindOf({ party: 'third-party', type: null })).toEqual({ kind: 'third-party', kindLabel: 'Third-party' });
		expect(kindOf({ party: 'msp', type: null })).toEqual({ kind: 'msp:other', kindLabel: 'Agreement' });
	});
});

describe('listVendorContract', () => {
	it('has the vendor as its party', () => {
		const row = listVendorContract(vendorContractRecord.parse({ id: 'v', name: 'Datto RMM', vendorId: 'v1' }), context);
		expect(row).toMatchObject({ kind: 'vendor', partyId: 'v1', partyName: 'Datto' });
	});
});

describe('filterContracts', () => {
	const rows = [
		contract({ id: '1', name: 'Backup', type: 'recurring', renewalDate: '2026-12-31', noticeDays: 30 }),
		contract({ id: '2', name: 'Helpdesk hours', type: 'block-hours', renewalDate: '2026-03-20', noticeDays: 10 }),
		contract({ id: '3', name: 'Internet line', party: 'third-party', vendorName: 'Comcast', customerId: 'c2' }),
		contract({ id: '4', name: 'Old plan', renewalDate: '2025-01-01', deletedAt: '2026-01-01T00:00:00Z' })
	];
	const ids = (filter: Partial<ContractFilter>) => filterContracts(rows, { ...all, ...filter }).map((r) => r.id);

	it('sorts by notice deadline or renewal, contracts without dates last', () => {
		expect(ids({})).toEqual(['2', '1', '3']);
		expect(ids({ sort: 'renewal' })).toEqual(['2', '1', '3']);
		expect(ids({ sort: 'name' })).toEqual(['1', '2', '3']);
	});

	it('filters by customer, kind, status and words', () => {
		expect(ids({ partyId: 'c2' })).toEqual(['3']);
		expect(ids({ kind: 'msp' })).toEqual(['2', '1']);
		expect(ids({ kind: 'msp:block-hours' })).toEqual(['2']);
		expect(ids({ kind: 'third-party' })).toEqual(['3']);
		expect(ids({ status: 'notice-soon' })).toEqual(['2']);
		expect(ids({ status: 'no-dates' })).toEqual(['3']);
		expect(ids({ search: 'comcast' })).toEqual(['3']);
		expect(ids({ search: 'fabrikam line' })).toEqual(['3']);
	});

	it('keeps deleted contracts apart', () => {
		expect(ids({ deleted: true })).toEqual(['4']);
	});
});

describe('fromToday', () => {
	it('tells how far a date is', () => {
		expect(fromToday('2026-03-01', '2026-03-01')).toBe('today');
		expect(fromToday('2026-03-02', '2026-03-01')).toBe('tomorrow');
		expect(fromToday('2026-02-28', '2026-03-01')).toBe('yesterday');
		expect(fromToday('2026-03-31', '2026-03-01')).toBe('in 30 days');
		expect(fromToday('2026-02-01', '2026-03-01')).toBe('28 days ago');
	});
});
