import type { Email } from 'postal-mime';
import { v7 as uuidv7 } from 'uuid';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { storeFile } from '../files/service.js';
import { AppError } from '../http/errors.js';

/** A mail's attachment stored as a file, for the ticket to record. */
export interface MailFile {
	id: string;
	fileId: string;
	name: string;
	size: number;
	mime: string;
	uploadedBy: null;
}

/** The files a person attached (not the images a mail's HTML shows inline). */
const attached = (email: Email) => email.attachments.filter((a) => a.disposition !== 'inline' && !a.related);

/**
 * Keeps a mail's attachments in the file store, under the rules uploads keep
 * (types, size, content that matches its name); the ones refused are named
 * with why, for the ticket's note. Stored before the mail's transaction: a
 * mail refused later (a duplicate) leaves only unreferenced bytes behind.
 */
export async function keepAttachments(db: Db, tenantId: string, email: Email): Promise<{ kept: MailFile[]; refused: string[] }> {
	const kept: MailFile[] = [];
	const refused: string[] = [];
	for (const attachment of attached(email)) {
		const name = (attachment.filename ?? '').trim() || 'attachment';
		const bytes = typeof attachment.content === 'string' ? Buffer.from(attachment.content, 'base64') : new Uint8Array(attachment.content);
		try {
			const upload = { id: crypto.randomUUID(), name, declaredBytes: bytes.byteLength, body: new Blob([bytes]).stream() };
			const { file } = await storeFile(db, config().dataDir, tenantId, null, upload);
			kept.push({ id: uuidv7(), fileId: file.id, name: file.name, size: file.size, mime: file.mime, uploadedBy: null });
		} catch (error) {
			if (!(error instanceof AppError)) throw error;
			refused.push(`${name} (${error.message})`);
		}
	}
	return { kept, refused };
}

/** The line a note or description ends with for attachments not kept. */
export function refusedLine(refused: string[]): string | null {
	if (refused.length === 0) return null;
	return `(Not kept from this mail: ${refused.join('; ')})`;
}
