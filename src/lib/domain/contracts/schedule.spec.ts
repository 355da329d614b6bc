import { describe, expect, it } from 'vitest';
import { noticeDeadline, reminderDates, renewalDate, status, type ContractTerm } from './schedule.js';

function term(fields: Partial<ContractTerm> & { reminderDays?: string | null }) {
	return { start: null, termMonths: null, renewalDate: null, autoRenew: false, noticeDays: null, ...fields };
}

/** Checks the effective renewal on several days: today → the renewal expected. */
function expectRenewals(contract: ContractTerm, expected: Record<string, string>) {
	const actual = Object.fromEntries(Object.keys(expected).map((today) => [today, renewalDate(contract, today)]));
	expect(actual).toEqual(expected);
}

describe('renewalDate', () => {
	it('is the stored renewal date, or the start plus the term', () => {
		expect(renewalDate(term({ start: '2026-01-15', termMonths: 12, renewalDate: '2026-12-01' }), '2026-02-01')).toBe('2026-12-01');
		expect(renewalDate(term({ start: '2026-01-15', termMonths: 36 }), '2026-02-01')).toBe('2029-01-15');
	});

	it('is null with nothing to go on', () => {
		expect(renewalDate(term({}), '2026-02-01')).toBeNull();
		expect(renewalDate(term({ start: '2026-01-15' }), '2026-02-01')).toBeNull();
		expect(renewalDate(term({ termMonths: 12, autoRenew: true }), '2026-02-01')).toBeNull();
	});

	it('stays put, even when passed, for a contract that does not auto-renew', () => {
		expect(renewalDate(term({ start: '2020-01-01', termMonths: 12 }), '2026-02-01')).toBe('2021-01-01');
	});

	it('rolls an auto-renewing contract forward by whole terms to today or later', () => {
		const contract = term({ start: '2019-03-15', termMonths: 12, autoRenew: true });
		expectRenewals(contract, { '2019-06-01': '2020-03-15', '2020-03-15': '2020-03-15', '2020-03-16': '2021-03-15', '2026-06-01': '2027-03-15' });
		const quarterly = term({ renewalDate: '2025-01-10', termMonths: 3, autoRenew: true });
		expect(renewalDate(quarterly, '2026-02-01')).toBe('2026-04-10');
	});

	it('rolls yearly when the term is unknown', () => {
		expect(renewalDate(term({ renewalDate: '2020-05-01', autoRenew: true }), '2026-05-02')).toBe('2027-05-01');
	});

	it('rolls monthly terms over decades in one step, not thousands', () => {
		expect(renewalDate(term({ start: '1990-01-31', termMonths: 1, autoRenew: true }), '2026-03-02')).toBe('2026-03-31');
	});

	it('clamps month ends and keeps the anchor day where the month has it', () => {
		const monthly = term({ start: '2024-01-31', termMonths: 1, autoRenew: true });
		expectRenewals(monthly, { '2024-02-01': '2024-02-29', '2024-03-01': '2024-03-31', '2024-04-01': '2024-04-30', '2024-05-01': '2024-05-31', '2025-02-01': '2025-02-28' });
		expect(renewalDate(term({ start: '2023-01-31', termMonths: 1 }), '2023-01-31')).toBe('2023-02-28');
	});

	it('rolls a stored, clamped renewal date on from the start it came from', () => {
		const stored = { start: '2024-01-31', termMonths: 1, renewalDate: '2024-02-29', autoRenew: true };
		expect(renewalDate(term(stored), '2024-03-05')).toBe('2024-03-31');
		// with no start to recover the day from, the stored date is the anchor
		expect(renewalDate(term({ ...stored, start: null }), '2024-03-05')).toBe('2024-03-29');
		// a renewal date the user moved off the start's rhythm is the anchor too
		expect(renewalDate(term({ ...stored, renewalDate: '2024-02-20' }), '2024-03-05')).toBe('2024-03-20');
	});

	it('keeps a Feb 29 start on Feb 29 in leap years and Feb 28 between', () => {
		const leap = term({ start: '2024-02-29', termMonths: 12, autoRenew: true });
		expectRenewals(leap, { '2024-03-01': '2025-02-28', '2026-01-01': '2026-02-28', '2027-03-01': '2028-02-29', '2028-03-01': '2029-02-28' });
	});
});

describe('noticeDeadline', () => {
	const renewingOn = (date: string, noticeDays: number | null) => term({ renewalDate: date, noticeDays });

	it('is the renewal date itself with no notice period', () => {
		expect(noticeDeadline(renewingOn('2026-03-01', 0), '2026-01-01')).toBe('2026-03-01');
		expect(noticeDeadline(renewingOn('2026-03-01', null), '2026-01-01')).toBe('2026-03-01');
	});

	it('counts notice days back across February, leap or not', () => {
		expect(noticeDeadline(renewingOn('2024-03-01', 30), '2024-01-01')).toBe('2024-01-31');
		expect(noticeDeadline(renewingOn('2023-03-01', 30), '2023-01-01')).toBe('2023-01-30');
		expect(noticeDeadline(renewingOn('2026-06-30', 90), '2026-01-01')).toBe('2026-04-01');
	});

	it('counts 365 days, not a year, across a Feb 29', () => {
		expect(noticeDeadline(renewingOn('2028-02-29', 365), '2027-01-01')).toBe('2027-03-01');
		expect(noticeDeadline(renewingOn('2029-03-01', 365), '2027-01-01')).toBe('2028-03-01');
		expect(noticeDeadline(renewingOn('2027-03-01', 365), '2026-01-01')).toBe('2026-03-01');
	});

	it('follows the rolled-forward renewal of an auto-renewing contract', () => {
		const contract = term({ start: '2024-02-29', termMonths: 12, autoRenew: true, noticeDays: 30 });
		expect(noticeDeadline(contract, '2027-06-01')).toBe('2028-01-30');
	});
});

describe('status', () => {
	const today = '2026-03-01';

	it('says no-dates when there is no renewal to compute', () => {
		expect(status(term({ start: '2026-01-01' }), today)).toBe('no-dates');
	});

	it('says expired once a fixed term has ended, but not on its last day', () => {
		expect(status(term({ renewalDate: '2026-02-28' }), today)).toBe('expired');
		expect(status(term({ renewalDate: '2026-02-28', autoRenew: true }), today)).not.toBe('expired');
		expect(status(term({ renewalDate: today }), today)).toBe('notice-soon');
	});

	it('says notice-passed between the deadline and the renewal', () => {
		expect(status(term({ renewalDate: '2026-03-20', noticeDays: 30 }), today)).toBe('notice-passed');
		expect(status(term({ renewalDate: '2026-03-20', noticeDays: 30, autoRenew: true }), today)).toBe('notice-passed');
	});

	it('says notice-soon from the largest lead time before the deadline', () => {
		// deadline 2026-05-30, 90 days ahead: within the default "90 30 7"
		expect(status(term({ renewalDate: '2026-06-29', noticeDays: 30 }), today)).toBe('notice-soon');
		expect(status(term({ renewalDate: '2026-06-30', noticeDays: 30 }), today)).toBe('ok');
		expect(status(term({ renewalDate: '2026-03-01', noticeDays: 0 }), today)).toBe('notice-soon');
	});

	it("takes the contract's own lead times, else the tenant's", () => {
		const contract = term({ renewalDate: '2026-04-20', noticeDays: 30 });
		expect(status({ ...contract, reminderDays: '14' }, today)).toBe('ok');
		expect(status({ ...contract, reminderDays: '14' }, today, { reminderDays: '60' })).toBe('ok');
		expect(status(contract, today, { reminderDays: '14' })).toBe('ok');
		expect(status(contract, today, { reminderDays: '30' })).toBe('notice-soon');
	});

	it('rolls auto-renewing contracts into their current cycle first', () => {
		const contract = term({ start: '2020-06-15', termMonths: 12, autoRenew: true, noticeDays: 90 });
		expect(status(contract, today)).toBe('notice-soon');
		expect(status(contract, '2026-03-18')).toBe('notice-passed');
		expect(status(contract, '2026-06-16')).toBe('ok');
	});
});

describe('reminderDates', () => {
	it('counts each lead time back from the deadline, earliest first', () => {
		const contract = term({ renewalDate: '2026-12-31', noticeDays: 90 });
		expect(reminderDates(contract, [7, 90, 30], '2026-01-01')).toEqual([
			{ lead: 90, date: '2026-07-04', deadline: '2026-10-02' },
			{ lead: 30, date: '2026-09-02', deadline: '2026-10-02' },
			{ lead: 7, date: '2026-09-25', deadline: '2026-10-02' }
		]);
	});

	it('is empty once a fixed term’s deadline has passed', () => {
		expect(reminderDates(term({ renewalDate: '2026-12-31', noticeDays: 90 }), [30], '2026-10-03')).toEqual([]);
	});

	it("moves to the next cycle's deadline when this cycle's has passed", () => {
		const monthly = term({ start: '2026-01-01', termMonths: 1, autoRenew: true, noticeDays: 45 });
		// renewal 2026-04-01 has its deadline 2026-02-15 behind; 2026-05-01's is 2026-03-17
		expect(reminderDates(monthly, [7], '2026-03-01')).toEqual([{ lead: 7, date: '2026-03-10', deadline: '2026-03-17' }]);
	});
});
