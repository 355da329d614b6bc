import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_DAYS, MAX_LEAD_DAYS, leadDaysOr, parseLeadDays, tenantLeadDays } from './lead-days.js';

describe('parseLeadDays', () => {
	it('reads spaces, commas and semicolons alike', () => {
		expect(parseLeadDays('90 30 7')).toEqual([90, 30, 7]);
		expect(parseLeadDays('90,30,7')).toEqual([90, 30, 7]);
		expect(parseLeadDays('90 days, 30 days')).toEqual([90, 30]);
		expect(parseLeadDays(' 90 ,  30;7 ')).toEqual([90, 30, 7]);
	});

	it('sorts largest first and drops repeats', () => {
		expect(parseLeadDays('7 90 30 7 030')).toEqual([90, 30, 7]);
	});

	it('skips what is not a whole number of days', () => {
		expect(parseLeadDays('90d, 30x, -7, 1.5, two, 14')).toEqual([14]);
		expect(parseLeadDays('')).toEqual([]);
		expect(parseLeadDays(null)).toEqual([]);
	});

	it('keeps 0 (the deadline day itself) and caps at ten years', () => {
		expect(parseLeadDays('0 99999 3650')).toEqual([MAX_LEAD_DAYS, 0]);
	});
});

describe('leadDaysOr / tenantLeadDays', () => {
	it('falls back when the field is blank or unreadable', () => {
		expect(leadDaysOr('14', [90])).toEqual([14]);
		expect(leadDaysOr(null, [90])).toEqual([90]);
		expect(leadDaysOr('soon', [90])).toEqual([90]);
	});

	it("takes the tenant's setting, else the schema's default", () => {
		expect(DEFAULT_REMINDER_DAYS).toBe('90 30 7');
		expect(tenantLeadDays({ reminderDays: '60 14' })).toEqual([60, 14]);
		expect(tenantLeadDays({ reminderDays: null })).toEqual([90, 30, 7]);
		expect(tenantLeadDays({ reminderDays: 'x' })).toEqual([90, 30, 7]);
	});
});
