import { describe, expect, it } from 'vitest';
import { dueReminders, reminderKey, type RemindableContract } from './reminders.js';

const TENANT = { reminderDays: '90 30 7' };

function contract(fields: Partial<RemindableContract>): RemindableContract {
	return { id: 'k1', start: null, termMonths: null, renewalDate: null, autoRenew: false, noticeDays: null, reminderDays: null, ...fields };
}

/** Renews 2026-12-31 with 90 days' notice: deadline 2026-10-02; reminders 07-04, 09-02 and 09-25. */
const annual = contract({ renewalDate: '2026-12-31', noticeDays: 90 });

const keysDue = (today: string, sent: string[] = [], contracts = [annual]) =>
	dueReminders(contracts, TENANT, today, new Set(sent)).map((reminder) => reminder.key);

describe('dueReminders', () => {
	it('falls due on its day, with a key naming contract, deadline and lead time', () => {
		expect(keysDue('2026-07-03')).toEqual([]);
		expect(dueReminders([annual], TENANT, '2026-07-04', new Set())).toEqual([
			{ key: 'k1:2026-10-02:90', contractId: 'k1', lead: 90, date: '2026-07-04', deadline: '2026-10-02', renewal: '2026-12-31' }
		]);
		expect(reminderKey('k1', '2026-10-02', 90)).toBe('k1:2026-10-02:90');
	});

	it('is due once: not again when its key is among those sent', () => {
		expect(keysDue('2026-07-04', ['k1:2026-10-02:90'])).toEqual([]);
		expect(keysDue('2026-08-15', ['k1:2026-10-02:90'])).toEqual([]);
		expect(keysDue('2026-09-02', ['k1:2026-10-02:90'])).toEqual(['k1:2026-10-02:30']);
	});

	it('catches up on a reminder whose day passed while the server was down', () => {
		expect(dueReminders([annual], TENANT, '2026-09-05', new Set(['k1:2026-10-02:90']))).toMatchObject([
			{ key: 'k1:2026-10-02:30', date: '2026-09-02' }
		]);
	});

	it('sends only the latest after downtime that spans several reminders', () => {
		expect(keysDue('2026-09-28', ['k1:2026-10-02:90'])).toEqual(['k1:2026-10-02:7']);
		expect(keysDue('2026-09-28')).toEqual(['k1:2026-10-02:7']);
		expect(keysDue('2026-09-29', ['k1:2026-10-02:7'])).toEqual([]);
	});

	it('is due on the deadline day itself, and never once the deadline has passed', () => {
		expect(keysDue('2026-10-02', ['k1:2026-10-02:90'])).toEqual(['k1:2026-10-02:7']);
		expect(keysDue('2026-10-03')).toEqual([]);
		expect(keysDue('2026-10-02', [], [{ ...annual, reminderDays: '0' }])).toEqual(['k1:2026-10-02:0']);
	});

	it("gives the next cycle of an auto-renewing contract new keys", () => {
		const renewing = contract({ start: '2025-01-01', termMonths: 12, autoRenew: true, noticeDays: 30, reminderDays: '7' });
		expect(keysDue('2025-11-25', [], [renewing])).toEqual(['k1:2025-12-02:7']);
		expect(keysDue('2025-12-03', ['k1:2025-12-02:7'], [renewing])).toEqual([]);
		expect(keysDue('2026-11-25', ['k1:2025-12-02:7'], [renewing])).toEqual(['k1:2026-12-02:7']);
	});

	it("takes a contract's own lead times over the tenant's", () => {
		const own = { ...annual, reminderDays: '14' };
		expect(keysDue('2026-07-04', [], [own])).toEqual([]);
		expect(keysDue('2026-09-18', [], [own])).toEqual(['k1:2026-10-02:14']);
		expect(keysDue('2026-07-04', [], [{ ...annual, reminderDays: 'n/a' }])).toEqual(['k1:2026-10-02:90']);
	});

	it('skips deleted contracts and contracts without dates', () => {
		const others = [contract({ id: 'gone', renewalDate: '2026-12-31', noticeDays: 90, deletedAt: '2026-01-01T00:00:00Z' }), contract({ id: 'blank' })];
		expect(keysDue('2026-07-04', [], [...others, annual])).toEqual(['k1:2026-10-02:90']);
	});
});
