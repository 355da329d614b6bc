import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCatalog } from '#lib/domain/catalog/projection.js';
import { projectContracts } from '#lib/domain/contracts/projection.js';
import { addAttachment, createContract, setDeleted, updateFields } from './edits.js';

const now = new Date('2026-03-01T10:00:00Z');

describe('contract edits', () => {
	it('create a customer contract the projection accepts', () => {
		const doc = new Y.Doc();
		createContract(doc, 'customerContracts', 'k1', { customerId: 'c1', name: 'Managed services', party: 'msp', type: 'recurring' });
		const { customerContracts, problems } = projectContracts(doc);
		expect(problems).toEqual([]);
		expect(customerContracts[0]).toMatchObject({ id: 'k1', customerId: 'c1', autoRenew: false, period: 'monthly', deletedAt: null });
	});

	it('create a vendor contract in the catalog with its products', () => {
		const doc = new Y.Doc();
		createContract(doc, 'vendorContracts', 'v1', { name: 'Datto RMM', vendorId: 'd1', productIds: 'p1 p2' });
		expect(projectCatalog(doc).vendorContracts[0]).toMatchObject({ name: 'Datto RMM', productIds: ['p1', 'p2'] });
	});

	it('write only what changed', () => {
		const doc = new Y.Doc();
		createContract(doc, 'customerContracts', 'k1', { customerId: 'c1', name: 'A', noticeDays: 30 });
		let updates = 0;
		doc.on('update', () => updates++);
		updateFields(doc, 'customerContracts', 'k1', { name: 'A', noticeDays: 30 });
		expect(updates).toBe(0);
		updateFields(doc, 'customerContracts', 'k1', { name: 'B', noticeDays: 30 });
		expect(updates).toBe(1);
		expect(projectContracts(doc).customerContracts[0].name).toBe('B');
	});

	it('refuse to edit a record that is not there', () => {
		expect(() => updateFields(new Y.Doc(), 'customerContracts', 'nope', { name: 'x' })).toThrow(/no customerContracts record/);
	});

	it('delete by marking, and restore', () => {
		const doc = new Y.Doc();
		createContract(doc, 'customerContracts', 'k1', { customerId: 'c1', name: 'A' });
		setDeleted(doc, 'customerContracts', 'k1', true, now);
		expect(projectContracts(doc).customerContracts[0].deletedAt).toBe('2026-03-01T10:00:00.000Z');
		setDeleted(doc, 'customerContracts', 'k1', false, now);
		expect(projectContracts(doc).customerContracts[0].deletedAt).toBeNull();
	});

	it('attach a file record at once', () => {
		const doc = new Y.Doc();
		const attachment = { id: 'a1', contractId: 'k1', fileId: 'f1', name: 'Terms.pdf', size: 1200, mime: 'application/pdf', uploadedBy: 'u1' };
		addAttachment(doc, attachment, now);
		const { attachments, problems } = projectContracts(doc);
		expect(problems).toEqual([]);
		expect(attachments).toEqual([{ ...attachment, uploadedAt: '2026-03-01T10:00:00.000Z', deletedAt: null }]);
		setDeleted(doc, 'attachments', 'a1', true, now);
		expect(projectContracts(doc).attachments[0].deletedAt).not.toBeNull();
	});
});
