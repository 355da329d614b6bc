import { describe, expect, it } from 'vitest';
import { creditNote, type InvoiceLine } from './credit-note.js';
import { taxSummary } from './tax.js';

const INVOICE: InvoiceLine[] = [
	{ id: 'l1', description: 'Managed services, December', amount: 48_000, taxable: true, taxBasisPoints: 825 },
	{ id: 'l2', description: 'Labour, T-12', amount: 11_875, taxable: false, taxBasisPoints: 825 },
	{ id: 'l3', description: 'Switch, resold', amount: 3_333, taxable: true, taxBasisPoints: 600 }
];

// worked examples, exact to the cent
describe('credit notes', () => {
	it('a full credit takes back exactly the invoice\'s tax and total', () => {
		const invoice = taxSummary(INVOICE);
		// 8.25 % of $480.00 = $39.60; 6 % of $33.33 = $2.00; total $632.08 + $41.60 = $673.68
		expect(invoice).toMatchObject({ subtotal: 63_208, tax: 4_160, total: 67_368 });
		const { lines, summary } = creditNote(INVOICE, 'all');
		expect(lines.map((l) => l.amount)).toEqual([-48_000, -11_875, -3_333]);
		expect(summary).toMatchObject({ subtotal: -63_208, tax: -4_160, total: -67_368 });
	});

	it('credits part of one line, with that line\'s tax', () => {
		// $50.00 back on the managed services: 8.25 % = $4.125 → $4.13 back
		const { lines, summary } = creditNote(INVOICE, [{ lineId: 'l1', amount: 5_000 }]);
		expect(lines).toEqual([{ creditsLineId: 'l1', description: 'Credit: Managed services, December', amount: -5_000, taxable: true, taxBasisPoints: 825 }]);
		expect(summary).toMatchObject({ subtotal: -5_000, tax: -413, total: -5_413 });
	});

	it('refuses a line not on the invoice, and a credit of nothing or of more than was billed', () => {
		expect(() => creditNote(INVOICE, [{ lineId: 'nope' }])).toThrow('line nope is not on this invoice');
		expect(() => creditNote(INVOICE, [{ lineId: 'l3', amount: 3_334 }])).toThrow(RangeError);
		expect(() => creditNote(INVOICE, [{ lineId: 'l3', amount: 0 }])).toThrow(RangeError);
	});
});
