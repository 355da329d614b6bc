import { describe, expect, it } from 'vitest';
import { product } from '#lib/domain/stack/fixtures.js';
import { parseProduct, productInput, type ProductInput } from './product-form.js';

const typed: ProductInput = {
	name: '  Huntress EDR ',
	vendorId: 'v1',
	categoryId: '',
	sku: ' HEDR ',
	unitCost: '3.00',
	unitPrice: '7.5',
	unit: 'per-device',
	description: ''
};

describe('parseProduct', () => {
	it('reads the form into a record: money in minor units, blanks as null', () => {
		expect(parseProduct(typed, 'USD')).toEqual({
			ok: true,
			fields: { name: 'Huntress EDR', vendorId: 'v1', categoryId: null, sku: 'HEDR', unitCost: 300, unitPrice: 750, unit: 'per-device', description: null }
		});
	});

	it('names each field that is wrong', () => {
		const result = parseProduct({ ...typed, name: ' ', unitPrice: '7.555', unit: 'per-seat' }, 'USD');
		expect(result).toEqual({ ok: false, errors: { name: 'Give the product a name', unitPrice: 'Use at most 2 decimals', unit: 'Choose how the product is counted' } });
	});
});

describe('productInput', () => {
	it('shows a stored product back as typed, and a new one counted per device', () => {
		expect(productInput(product('p', { name: 'EDR', unitCost: 300, unitPrice: null, unit: 'per-user' }), 'USD')).toMatchObject({ name: 'EDR', unitCost: '3.00', unitPrice: '', unit: 'per-user', vendorId: '' });
		expect(productInput(null, 'USD').unit).toBe('per-device');
	});

	it('round-trips through parseProduct', () => {
		const stored = product('p', { name: 'Datto RMM', vendorId: 'v', sku: 'RMM', unitCost: 125, unitPrice: 399, unit: 'flat', description: 'Agent' });
		const parsed = parseProduct(productInput(stored, 'USD'), 'USD');
		expect(parsed.ok && parsed.fields).toEqual({ name: 'Datto RMM', vendorId: 'v', categoryId: null, sku: 'RMM', unitCost: 125, unitPrice: 399, unit: 'flat', description: 'Agent' });
	});
});
