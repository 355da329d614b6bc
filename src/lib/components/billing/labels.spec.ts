import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '#lib/domain/billing/invoice.js';
import { invoiceBadge, isOverdue, kindLabel, periodLabel, poolLabel, quantityText, ratePercent, sourceLabel } from './labels.js';

describe('billing labels', () => {
	it('names every source kind and line kind for people', () => {
		expect(['time-entry', 'plan', 'milestone', 'expense', 'deployment'].map(sourceLabel)).toEqual(['Time entry', 'Plan', 'Milestone', 'Expense', 'Product']);
		for (const kind of SOURCE_KINDS) expect(sourceLabel(kind)).not.toBe(kind);
		expect(kindLabel('recurring')).toBe('Managed services');
	});

	it('writes rates, quantities and periods', () => {
		expect([ratePercent(825), ratePercent(2000), ratePercent(0)]).toEqual(['8.25%', '20%', '0%']);
		expect([quantityText(1.5), quantityText(0.1 + 0.2), quantityText(3)]).toEqual(['1.5', '0.3', '3']);
		expect(periodLabel('2026-11-01', '2026-11-30')).toBe('Nov 1, 2026 – Nov 30, 2026');
		expect([poolLabel('c-block'), poolLabel('c-ret:2026-11-01')]).toEqual(['Block of hours', 'Retainer from Nov 1, 2026']);
	});

	it('badges an invoice: a credit note as such, overdue before its status', () => {
		const invoice = { status: 'sent' as const, dueOn: '2026-12-01', total: 10_000, paid: 0, credited: 0, creditOf: null };
		expect(isOverdue(invoice, '2026-12-02')).toBe(true);
		expect(isOverdue(invoice, '2026-12-01')).toBe(false);
		expect(isOverdue({ ...invoice, paid: 6_000, credited: 4_000 }, '2026-12-02')).toBe(false);
		expect(invoiceBadge({ ...invoice, overdue: true }).label).toBe('Overdue');
		expect(invoiceBadge({ ...invoice, overdue: false }).label).toBe('Sent');
		expect(invoiceBadge({ ...invoice, status: 'posted', overdue: false }).label).toBe('Posted');
		expect(invoiceBadge({ ...invoice, status: 'paid', overdue: false }).label).toBe('Paid');
		expect(invoiceBadge({ ...invoice, creditOf: 'INV-2026-00001', overdue: false }).label).toBe('Credit note');
	});
});
