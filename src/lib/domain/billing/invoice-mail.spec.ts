import { describe, expect, it } from 'vitest';
import { reminderDue, reminderMail } from './invoice-mail.js';
import type { Invoice } from './invoice.js';

describe('overdue reminders', () => {
	it('go out once an invoice is past due, then again each week it stays open', () => {
		expect(reminderDue('2026-12-31', '2026-12-31', null)).toBe(false);
		expect(reminderDue('2026-12-31', '2027-01-01', null)).toBe(true);
		expect(reminderDue('2026-12-31', '2027-01-07', '2027-01-01')).toBe(false);
		expect(reminderDue('2026-12-31', '2027-01-08', '2027-01-01')).toBe(true);
	});

	it('say what is still open and how late it is', () => {
		const invoice = { number: 'INV-2026-00001', dueOn: '2026-12-31', billTo: { name: 'Acme Dental' }, tax: { total: 64_980 }, paid: 4_980, credited: 0 } as Invoice;
		const mail = reminderMail(invoice, 'Northwind IT', (m) => `$${(m / 100).toFixed(2)}`, '2027-01-08');
		expect(mail.subject).toBe('Overdue: invoice INV-2026-00001 from Northwind IT, $600.00');
		expect(mail.text).toContain('was due on 2026-12-31, 8 days ago, and $600.00 of it is still open');
	});
});
