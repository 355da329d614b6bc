import { describe, expect, it } from 'vitest';
import { entryText, expenseText } from './record-text.js';

const names = {
	tickets: { tk1: { number: 12, title: 'Printer jams' } },
	tasks: { ta1: 'Cut over mail' },
	projects: { p1: 'Mail migration' },
	customers: { c1: 'Contoso' }
};

describe('record text', () => {
	it('reads an entry with its times, duration and notes', () => {
		expect(entryText({ date: '2026-12-01', startMinute: 540, endMinute: 630, minutes: 90, billable: true, notes: 'patching' })).toBe('2026-12-01 09:00–10:30 (1:30) billable · patching');
	});
	it('reads an entry with a duration only, and an expense', () => {
		expect(entryText({ date: '2026-12-01', minutes: 15, billable: false, startMinute: null, endMinute: null })).toBe('2026-12-01 (0:15) not billable');
		expect(expenseText({ date: '2026-12-02', category: 'Mileage', amount: 1250, billable: true }, 'USD')).toMatch(/^2026-12-02 Mileage: \$12\.50 billable$/);
	});
	it('names the ticket or task and the customer; an id with no row is left out', () => {
		expect(entryText({ date: '2026-12-01', minutes: 30, billable: true, ticketId: 'tk1', customerId: 'c1' }, names)).toBe('2026-12-01 (0:30) T-12 Printer jams · Contoso · billable');
		expect(entryText({ date: '2026-12-01', minutes: 30, billable: true, taskId: 'ta1', projectId: 'p1', customerId: 'gone' }, names)).toBe('2026-12-01 (0:30) Cut over mail · billable');
		expect(expenseText({ date: '2026-12-02', category: 'Parking', amount: 500, billable: false, projectId: 'p1' }, 'USD', names)).toMatch(/^2026-12-02 Parking: \$5\.00 Mail migration · not billable$/);
	});
});
