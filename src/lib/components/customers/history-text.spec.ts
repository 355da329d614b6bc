import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '#lib/domain/customer/schema.js';
import { describeChange, type Names } from './history-text.js';

const known: Record<string, string> = { 'sites:s1': 'HQ', 'contacts:c1': 'Ann', 'customValues:f1': 'Tier', 'products:p1': 'Huntress EDR' };
const names: Names = { of: (collection, id) => known[`${collection}:${id}`] ?? null };

const entry = (fields: Partial<ChangeRecord>): ChangeRecord => ({
	id: 'x',
	at: '2026-11-22T10:00:00.000Z',
	by: 'Avery',
	collection: 'customer',
	recordId: 'cust',
	field: null,
	from: null,
	to: null,
	...fields
});

describe('history in words', () => {
	it('names what was created, added, deleted and restored', () => {
		expect(describeChange(entry({ to: 'Contoso' }), names).what).toBe('created the customer');
		expect(describeChange(entry({ collection: 'sites', recordId: 's1', to: 'Old name' }), names).what).toBe('added the site “HQ”');
		expect(describeChange(entry({ collection: 'devices', recordId: 'd9', to: 'FS01' }), names).what).toBe('added the device “FS01”');
		expect(describeChange(entry({ field: 'deletedAt', to: '2026-11-22T10:00:00.000Z' }), names).what).toBe('deleted the customer');
		expect(describeChange(entry({ collection: 'contacts', recordId: 'c1', field: 'deletedAt', from: 'x', to: null }), names).what).toBe(
			'restored the contact “Ann”'
		);
	});

	it('gives the old and new value of an edit, with names for references', () => {
		expect(describeChange(entry({ field: 'phone', from: null, to: '555' }), names)).toEqual({ what: 'changed the phone', from: 'empty', to: '555' });
		expect(describeChange(entry({ collection: 'contacts', recordId: 'c1', field: 'siteId', from: null, to: 's1' }), names)).toEqual({
			what: 'changed the site of the contact “Ann”',
			from: 'empty',
			to: 'HQ'
		});
		expect(describeChange(entry({ collection: 'deployments', recordId: 'dep', field: 'productId', to: 'p1' }), names).to).toBe('Huntress EDR');
		expect(describeChange(entry({ collection: 'customValues', recordId: 'f1', field: 'value', from: 'Gold', to: 'Silver' }), names)).toEqual({
			what: 'set “Tier”',
			from: 'Gold',
			to: 'Silver'
		});
	});

	it('tells note edits and pins apart', () => {
		expect(describeChange(entry({ collection: 'notes', recordId: 'n', to: 'Gate code' }), names).what).toBe('added a note');
		expect(describeChange(entry({ collection: 'notes', recordId: 'n', field: 'pinned', from: false, to: true }), names).what).toBe('pinned a note');
		expect(describeChange(entry({ collection: 'notes', recordId: 'n', field: 'body', from: 'a', to: 'b' }), names)).toEqual({ what: 'edited a note' });
	});
});
