import type * as Y from 'yjs';
import { ticketAttachmentRecord, type TicketAttachmentRecord } from '../ticket/schema.js';
import { projectCollection } from './project.js';
import { upsertRecord } from './shape.js';

/**
 * A document's attached files, the `attachments` collection a ticket and a
 * project both hold: a record names a stored file (its bytes are the server's,
 * by id); removing one marks it deleted, as every record is (DESIGN.md §2).
 */

export type Attachment = TicketAttachmentRecord;

export function attachFile(doc: Y.Doc, file: { id: string; fileId: string; name: string; size: number; mime: string; uploadedBy: string | null }, now = new Date()): void {
	upsertRecord(doc, 'attachments', file.id, { ...file, uploadedAt: now.toISOString(), deletedAt: null });
}

export function removeAttachment(doc: Y.Doc, id: string, now = new Date()): void {
	upsertRecord(doc, 'attachments', id, { deletedAt: now.toISOString() });
}

/** The live attachments, oldest first. */
export function liveAttachments(doc: Y.Doc): Attachment[] {
	return projectCollection(doc, 'attachments', ticketAttachmentRecord, {}, [])
		.filter((a) => !a.deletedAt)
		.sort((a, b) => String(a.uploadedAt).localeCompare(String(b.uploadedAt)) || a.id.localeCompare(b.id));
}
