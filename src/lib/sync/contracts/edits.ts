import * as Y from 'yjs';
import { plain, upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';

/**
 * Every change the app makes to contracts, as plain functions of a Y.Doc:
 * customer contracts in `T:contracts`, vendor contracts in `T:catalog`, and
 * the `attachments` of either (both documents have that collection), and the
 * plan associations and rate overrides billing adds.
 * Deletion sets `deletedAt`, never removes (DESIGN.md §2).
 */

export type ContractCollection = 'customerContracts' | 'vendorContracts';
/** the billing side of `T:contracts` (billing-schema.ts) */
export type BillingContractCollection = 'planAssociations' | 'rateOverrides';
export type Collection = ContractCollection | 'attachments' | BillingContractCollection;

export function createContract(doc: Y.Doc, collection: ContractCollection, id: string, fields: PlainRecord): void {
	upsertRecord(doc, collection, id, { autoRenew: false, period: 'monthly', ...fields, deletedAt: null });
}

/** Writes only the fields whose value changes, so re-saving an untouched field adds nothing to the document. */
export function updateFields(doc: Y.Doc, collection: Collection, id: string, fields: PlainRecord): void {
	const record = doc.getMap<Y.Map<unknown>>(collection).get(id);
	if (!(record instanceof Y.Map)) throw new Error(`no ${collection} record ${id}`);
	const current = plain(record);
	const changed = Object.entries(fields).filter(([key, value]) => current[key] !== value);
	if (changed.length > 0) upsertRecord(doc, collection, id, Object.fromEntries(changed));
}

export function setDeleted(doc: Y.Doc, collection: Collection, id: string, deleted: boolean, now = new Date()): void {
	updateFields(doc, collection, id, { deletedAt: deleted ? now.toISOString() : null });
}

export interface NewAttachment {
	id: string;
	contractId: string;
	fileId: string;
	name: string;
	size: number;
	mime: string;
	uploadedBy: string;
}

/** Records an attached file at once; its bytes follow through the upload queue. */
export function addAttachment(doc: Y.Doc, attachment: NewAttachment, now = new Date()): void {
	upsertRecord(doc, 'attachments', attachment.id, { ...attachment, uploadedAt: now.toISOString(), deletedAt: null });
}
