import { describe, expect, it } from 'vitest';
import { readExpenseInput, type ExpenseInput } from './expense-input.js';

const blank: ExpenseInput = { date: '2026-03-03', category: 'Parking', amount: '12.50', billable: true, markup: '', customerId: null, ticketId: null, notes: '' };
const read = (typed: Partial<ExpenseInput>, currency: string | null = 'USD') => readExpenseInput({ ...blank, ...typed }, currency);

describe('the expense form', () => {
	it('an amount in minor units of the company\'s currency, a markup in basis points', () => {
		expect(read({ markup: '12.5%', notes: ' gate ' })).toEqual({
			ok: true,
			fields: { date: '2026-03-03', category: 'Parking', amount: 1250, billable: true, markupBasisPoints: 1250, customerId: null, ticketId: null, projectId: null, notes: 'gate' }
		});
		expect(read({ amount: '1,250', markup: '15' }, 'JPY')).toMatchObject({ ok: true, fields: { amount: 1250, markupBasisPoints: 1500 } });
		expect(read({})).toMatchObject({ ok: true, fields: { markupBasisPoints: 0 } });
	});

	it('an expense without an amount, or with a wrong one, says so', () => {
		expect(read({ amount: '' })).toEqual({ ok: false, fields: { amount: 'An expense needs an amount' } });
		expect(read({ amount: '0.00' })).toEqual({ ok: false, fields: { amount: 'An expense amount must be more than zero' } });
		expect(read({ amount: '12.505' })).toEqual({ ok: false, fields: { amount: 'Use at most 2 decimals' } });
		expect(read({ amount: 'a lot', category: ' ', markup: 'some' })).toEqual({
			ok: false,
			fields: { category: 'Say what the expense was for (mileage, parking, parts…)', amount: 'Enter an amount, such as 1250.00', markup: 'Enter a markup in percent, such as 15 or 12.5' }
		});
	});
});
