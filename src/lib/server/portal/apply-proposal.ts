import * as Y from 'yjs';
import { acceptedFields } from '#lib/domain/portal/proposals.js';
import { addRecord, setRecordDeleted, updateCustomer, updateRecord } from '#lib/domain/customer/edits.js';
import { editAs } from '#lib/domain/customer/history.js';
import { conflict, notFound, type AppError } from '../http/errors.js';
import type { Proposal } from '../repositories/portal-proposals.js';

export { customerDocName } from '#lib/domain/customer/edits.js';

function liveRecord(doc: Y.Doc, collection: string, id: string | null): Y.Map<unknown> | null {
	const record = id ? doc.getMap(collection).get(id) : undefined;
	return record instanceof Y.Map && !record.get('deletedAt') ? record : null;
}

/**
 * Writes an accepted proposal into the customer document with the same edit
 * functions the app uses, so the change and its history entry (by `by`) look
 * like any other edit. Returns why it cannot be written, or null once written.
 */
export function applyProposal(doc: Y.Doc, proposal: Proposal, by: string): AppError | null {
	const customer = doc.getMap('customer');
	if (!customer.get('id')) return notFound('This customer is not on the server.');
	if (customer.get('deletedAt')) return conflict('customer_deleted', 'This customer was deleted; restore it before accepting.');
	editAs(doc, by);
	const fields = acceptedFields(proposal.changes);
	switch (proposal.kind) {
		case 'profile':
			updateCustomer(doc, fields, true);
			return null;
		case 'contact':
			if (!liveRecord(doc, 'contacts', proposal.contactId)) return conflict('contact_gone', 'This contact was deleted since; restore it first, or decline.');
			updateRecord(doc, 'contacts', proposal.contactId!, fields, true);
			return null;
		case 'new-contact':
			// portal access stays the MSP's decision
			addRecord(doc, 'contacts', { ...fields, portalAccess: 'none' });
			return null;
		case 'contact-left':
			// already gone is what the contact asked for
			if (liveRecord(doc, 'contacts', proposal.contactId)) setRecordDeleted(doc, 'contacts', proposal.contactId!, true);
			return null;
	}
}
