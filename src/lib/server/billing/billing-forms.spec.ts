import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { adjustmentFromForm, creditFromForm, lastMonth, paymentFromForm, runFromForm } from './billing-forms.js';

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
	return data;
};

/** The fields an AppError names, or what else was thrown. */
function fieldsOf(run: () => unknown): Record<string, string> | undefined {
	try {
		run();
	} catch (error) {
		if (error instanceof AppError) return error.fields;
		throw error;
	}
	throw new Error('no error');
}

describe('billing forms', () => {
	it('defaults a run to the month before today, across a year and in a leap February', () => {
		expect(lastMonth('2026-12-03')).toEqual({ periodStart: '2026-11-01', periodEnd: '2026-11-30' });
		expect(lastMonth('2027-01-31')).toEqual({ periodStart: '2026-12-01', periodEnd: '2026-12-31' });
		expect(lastMonth('2028-03-01')).toEqual({ periodStart: '2028-02-01', periodEnd: '2028-02-29' });
	});

	it('reads a run, an issue date left blank meaning today', () => {
		expect(runFromForm(form({ periodStart: '2026-11-01', periodEnd: '2026-11-30', issuedOn: '' }))).toEqual({ periodStart: '2026-11-01', periodEnd: '2026-11-30' });
		expect(fieldsOf(() => runFromForm(form({ periodStart: '2026-11-30', periodEnd: '2026-11-01' })))).toEqual({ periodEnd: 'The period ends on or after its start.' });
	});

	it('reads an adjustment with the price as money, naming each bad field', () => {
		expect(adjustmentFromForm(form({ lineNo: '3', quantity: '1.5', unitPrice: '$1,250.50', reason: ' retired ' }), 'USD')).toEqual({ lineNo: 3, change: { quantity: 1.5, unitPrice: 125_050, reason: 'retired' } });
		expect(adjustmentFromForm(form({ lineNo: '1', quantity: '2', unitPrice: '1250', reason: 'x' }), 'JPY').change.unitPrice).toBe(1250);
		expect(fieldsOf(() => adjustmentFromForm(form({ lineNo: 'x', quantity: '', unitPrice: '12.345', reason: '' }), 'USD'))).toEqual({
			lineNo: 'Choose a line of this run.',
			quantity: 'Enter a quantity, such as 2 or 1.5',
			unitPrice: 'Use at most 2 decimals'
		});
		expect(fieldsOf(() => adjustmentFromForm(form({ lineNo: '1', quantity: '1', unitPrice: '' }), 'USD'))).toEqual({ unitPrice: 'Enter an amount, such as 1250.00' });
	});

	it('reads a payment in minor units, blank method and reference left out', () => {
		expect(paymentFromForm(form({ amount: '259.80', paidOn: '2026-12-05', method: '', reference: ' 1042 ' }), 'USD')).toEqual({ amount: 25_980, paidOn: '2026-12-05', reference: '1042' });
		expect(fieldsOf(() => paymentFromForm(form({ amount: 'ten', paidOn: '2026-12-05' }), 'USD'))).toEqual({ amount: 'Enter an amount, such as 1250.00' });
		expect(fieldsOf(() => paymentFromForm(form({ amount: '0', paidOn: '' }), 'USD'))).toMatchObject({ amount: 'A payment is more than zero.', paidOn: 'A date is YYYY-MM-DD.' });
	});

	it('reads a credit note of all lines or the ticked ones, with its reason', () => {
		expect(creditFromForm(form({ scope: 'all', line: ['1'], reason: 'billed in error' }))).toEqual({ lines: 'all', reason: 'billed in error' });
		expect(creditFromForm(form({ scope: 'lines', line: ['1', '3'], reason: 'x' }))).toEqual({ lines: [{ lineId: '1' }, { lineId: '3' }], reason: 'x' });
		expect(fieldsOf(() => creditFromForm(form({ scope: 'lines', reason: ' ' })))).toEqual({ lines: 'Choose the lines to credit.', reason: 'Say why the invoice is credited.' });
	});
});
