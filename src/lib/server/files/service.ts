import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import type { PortalIdentity } from '../portal/accounts.js';
import { findFile, insertFile, portalMayRead, type StoredFile } from '../repositories/files.js';
import { checkName, contentTypeOf } from './kinds.js';
import { discard, isStored, keep, MAX_FILE_BYTES, readStored, receive, tooLarge } from './storage.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Upload {
	id: string;
	name: string;
	declaredBytes: number | null;
	body: ReadableStream<Uint8Array> | null;
}

function checkUpload({ id, name, declaredBytes, body }: Upload) {
	if (!UUID.test(id)) throw invalid('A file id is a UUID.', { id: 'not a UUID' });
	if (!name || name.length > 255 || /[\\/\0]/.test(name)) throw invalid('Give the file a name (at most 255 characters, no slashes).', { name: 'invalid' });
	checkName(name);
	if (declaredBytes !== null && declaredBytes > MAX_FILE_BYTES) throw tooLarge();
	if (!body) throw invalid('The upload has no content.');
	return body;
}

/**
 * Stores an upload under the id the client chose. Idempotent: the same bytes
 * sent again (an offline queue retrying) answer with the stored file; other
 * bytes under a taken id are refused. Returns whether this call stored it.
 */
export function uploadFile(db: Db, dataDir: string, me: Identity, upload: Upload): Promise<{ file: StoredFile; created: boolean }> {
	return storeFile(db, dataDir, me.tenantId, me.userId, upload);
}

/** `uploadFile` for the tenant, by a person or (null) by the server itself: a mail's attachment. */
export async function storeFile(db: Db, dataDir: string, tenantId: string, uploadedBy: string | null, upload: Upload): Promise<{ file: StoredFile; created: boolean }> {
	const body = checkUpload(upload);
	const received = await receive(dataDir, tenantId, body);
	let mime: string;
	try {
		if (received.size === 0) throw invalid('The file is empty.');
		mime = await contentTypeOf(upload.name, received.head);
	} catch (error) {
		await discard(received);
		throw error;
	}
	const mine = { id: upload.id, name: upload.name, mime, size: received.size, sha256: received.sha256 };
	const stored = await insertFile(db, tenantId, mine, uploadedBy);
	if (stored.sha256 !== received.sha256) {
		await discard(received);
		throw conflict('file_exists', 'Another file already has this id.');
	}
	// a retry of an upload that was recorded but whose bytes never landed puts them in place
	const created = !(await isStored(dataDir, tenantId, upload.id));
	if (created) await keep(dataDir, tenantId, upload.id, received);
	else await discard(received);
	return { file: stored, created };
}

async function open(dataDir: string, tenantId: string, file: StoredFile | undefined) {
	if (!file) throw notFound('No such file.');
	const body = await readStored(dataDir, tenantId, file.id);
	if (!body) throw new AppError(404, 'not_found', 'The file is not on the server (yet).');
	return { file, body };
}

/** A file of the caller's tenant (staff may read every contract document). */
export async function staffDownload(db: Db, dataDir: string, me: Identity, id: string) {
	return open(dataDir, me.tenantId, UUID.test(id) ? await findFile(db, me.tenantId, id) : undefined);
}

/** A file attached to a contract of the portal user's company; anything else is "not found". */
export async function portalDownload(db: Db, dataDir: string, me: PortalIdentity, id: string) {
	const allowed = UUID.test(id) && (await portalMayRead(db, me.tenantId, me.customerId, id));
	return open(dataDir, me.tenantId, allowed ? await findFile(db, me.tenantId, id) : undefined);
}
