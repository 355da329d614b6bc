import { describe, expect, it } from 'vitest';
import { deploymentInput, parseDeployment } from './deployment-form.js';

describe('parseDeployment', () => {
	it('reads the form into a record, blanks as null', () => {
		expect(parseDeployment({ productId: 'p1', quantity: ' 12 ', since: '2026-03-01', siteId: '', notes: '  ' })).toEqual({
			ok: true,
			fields: { productId: 'p1', quantity: 12, since: '2026-03-01', siteId: null, notes: null }
		});
	});

	it('names each field that is wrong', () => {
		expect(parseDeployment({ productId: '', quantity: '2.5', since: 'March', siteId: '', notes: '' })).toEqual({
			ok: false,
			errors: { productId: 'Choose a product', quantity: 'Enter a whole number', since: 'Use a date such as 2026-03-01' }
		});
		expect(parseDeployment({ productId: 'p', quantity: '', since: '', siteId: '', notes: '' })).toEqual({ ok: false, errors: { quantity: 'Enter a quantity' } });
	});
});

describe('deploymentInput', () => {
	it('shows a record back, and starts a new one at one unit from today', () => {
		expect(deploymentInput({ id: 'd', productId: 'p', quantity: 4, since: null, siteId: 's', notes: 'x' }, '2026-03-15')).toEqual({ productId: 'p', quantity: '4', since: '', siteId: 's', notes: 'x' });
		expect(deploymentInput(null, '2026-03-15')).toEqual({ productId: '', quantity: '1', since: '2026-03-15', siteId: '', notes: '' });
	});
});
