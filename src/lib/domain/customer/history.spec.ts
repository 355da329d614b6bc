import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { projectCustomer } from './projection.js';
import { addRecord, createCustomer, customerDocName, setCustomerDeleted, setRecordDeleted, updateCustomer, updateRecord } from './edits.js';
import { editAs, readChanges } from './history.js';

const T = '01a20148-7cee-7341-87c5-bb7f77ec4ff4';
const ID = '019a9f4e-1111-7000-8000-000000000001';

function fresh(by = 'Avery') {
	const doc = new Y.Doc();
	editAs(doc, by);
	createCustomer(doc, ID, { name: 'Contoso' }, new Date());
	return doc;
}

const summary = (doc: Y.Doc) => readChanges(doc).map((c) => [c.by, c.collection, c.field, c.from, c.to]);

describe('customer history', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
	});
	afterEach(() => vi.useRealTimers());

	it('records who created the customer and each change after, newest first', () => {
		const doc = fresh();
		vi.advanceTimersByTime(1000);
		const site = addRecord(doc, 'sites', { name: 'HQ' });
		vi.advanceTimersByTime(1000);
		updateRecord(doc, 'sites', site, { city: 'Seattle' }, true);
		vi.advanceTimersByTime(1000);
		setRecordDeleted(doc, 'sites', site, true);
		expect(summary(doc)).toEqual([
			['Avery', 'sites', 'deletedAt', null, '2026-11-22T10:00:03.000Z'],
			['Avery', 'sites', 'city', null, 'Seattle'],
			['Avery', 'sites', null, null, 'HQ'],
			['Avery', 'customer', null, null, 'Contoso']
		]);
		expect(readChanges(doc)[1]).toMatchObject({ recordId: site, at: '2026-11-22T10:00:02.000Z' });
	});

	it('folds the keystrokes of one field by one person within a minute into one entry', () => {
		const doc = fresh();
		for (const phone of ['5', '55', '555']) {
			vi.advanceTimersByTime(20_000);
			updateCustomer(doc, { phone });
		}
		expect(summary(doc)[0]).toEqual(['Avery', 'customer', 'phone', null, '555']);
		expect(readChanges(doc)).toHaveLength(2);
		// a pause longer than the window starts a new entry, from where the last one ended
		vi.advanceTimersByTime(61_000);
		updateCustomer(doc, { phone: '556' });
		expect(summary(doc).slice(0, 2)).toEqual([
			['Avery', 'customer', 'phone', '555', '556'],
			['Avery', 'customer', 'phone', null, '555']
		]);
	});

	it('leaves out an edit that ended where it started', () => {
		const doc = fresh();
		updateCustomer(doc, { industry: 'Retail' });
		updateCustomer(doc, { industry: '' });
		expect(readChanges(doc)).toHaveLength(1);
	});

	it('keeps deletions and restores as separate events', () => {
		const doc = fresh();
		setCustomerDeleted(doc, true);
		setCustomerDeleted(doc, false);
		expect(summary(doc).map(([, , field, , to]) => [field, to])).toEqual([
			['deletedAt', null],
			['deletedAt', '2026-11-22T10:00:00.000Z'],
			[null, 'Contoso']
		]);
	});

	it('cuts long values, keeping the full text in the record', () => {
		const doc = fresh();
		const body = 'x'.repeat(500);
		const note = addRecord(doc, 'notes', { body, pinned: false });
		expect(String(readChanges(doc)[0].to)).toHaveLength(200);
		expect(doc.getMap<Y.Map<unknown>>('notes').get(note)?.get('body')).toBe(body);
	});

	it('merges the entries of two people editing offline, and is not projected', () => {
		const a = fresh('Avery');
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		editAs(b, 'Blake');
		updateCustomer(a, { phone: '1' }, true);
		updateCustomer(b, { phone: '2' }, true);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readChanges(a)).toEqual(readChanges(b));
		expect(readChanges(a).map((c) => c.by).sort()).toEqual(['Avery', 'Avery', 'Blake']);
		expect(Object.keys(projectCustomer(customerDocName(T, ID), a))).not.toContain('changes');
	});
});
