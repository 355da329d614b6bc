import { describe, expect, it } from 'vitest';
import { entryText, expenseText } from './record-text.js';

describe('record text', () => {
	it('reads an entry with its times, duration and notes', () => {
		expect(entryText({ date: '2026-12-01', startMinute: 540, endMinute: 630, minutes: 90, billable: true, notes: 'patching' })).toBe('2026-12-01 09:00–10:30 (1:30) billable · patching');
	});
	it('reads an entry with a duration only, and an expense', () => {
		expect(entryText({ date: '2026-12-01', minutes: 15, billable: false, startMinute: null, endMinute: null })).toBe('2026-12-01 (0:15) not billable');
		expect(expenseText({ date: '2026-12-02', category: 'Mileage', amount: 1250, billable: true }, 'USD')).toMatch(/^2026-12-02 Mileage: \$12\.50 billable$/);
	});
});
