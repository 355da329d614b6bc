import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../http/errors.js';

/** What people attach to contracts: documents, scans and photos, Office files. */
const ALLOWED: Record<string, { mime: string; detected: string[] }> = {
	pdf: { mime: 'application/pdf', detected: ['pdf'] },
	png: { mime: 'image/png', detected: ['png'] },
	jpg: { mime: 'image/jpeg', detected: ['jpg'] },
	jpeg: { mime: 'image/jpeg', detected: ['jpg'] },
	gif: { mime: 'image/gif', detected: ['gif'] },
	webp: { mime: 'image/webp', detected: ['webp'] },
	heic: { mime: 'image/heic', detected: ['heic'] },
	docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', detected: ['docx', 'zip'] },
	xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', detected: ['xlsx', 'zip'] },
	pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', detected: ['pptx', 'zip'] },
	doc: { mime: 'application/msword', detected: ['cfb'] },
	xls: { mime: 'application/vnd.ms-excel', detected: ['cfb'] },
	ppt: { mime: 'application/vnd.ms-powerpoint', detected: ['cfb'] },
	// text has no signature: it must decode as UTF-8 and hold no NUL bytes
	txt: { mime: 'text/plain; charset=utf-8', detected: [] },
	csv: { mime: 'text/csv; charset=utf-8', detected: [] }
};

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Refuses a name whose extension we do not take, before any byte is read. */
export function checkName(name: string): void {
	if (!ALLOWED[extensionOf(name)]) {
		throw new AppError(415, 'unsupported_file_type', `“${name}” is not a file type we take (${ALLOWED_EXTENSIONS.join(', ')}).`);
	}
}

function looksLikeText(head: Uint8Array): boolean {
	if (head.includes(0)) return false;
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteChar(head)));
		return true;
	} catch {
		return false;
	}
}

// the head may cut a multi-byte character in two: decode only up to its start
function lastCompleteChar(head: Uint8Array): number {
	let end = head.length;
	for (let back = 1; back <= 3 && end - back >= 0; back++) {
		const byte = head[end - back];
		if ((byte & 0xc0) === 0xc0) return end - back; // a lead byte whose sequence may be cut
		if ((byte & 0x80) === 0) break;
	}
	return end;
}

/**
 * The stored content type of a file, once its first bytes match what its
 * extension says: a renamed executable or a script posing as a PDF is refused.
 */
export async function contentTypeOf(name: string, head: Uint8Array): Promise<string> {
	const allowed = ALLOWED[extensionOf(name)];
	const detected = await fileTypeFromBuffer(head);
	const matches = allowed.detected.length === 0 ? !detected && looksLikeText(head) : !!detected && allowed.detected.includes(detected.ext);
	if (!matches) {
		throw new AppError(415, 'content_mismatch', `The content of “${name}” does not match its extension${detected ? ` (it looks like .${detected.ext})` : ''}.`);
	}
	return allowed.mime;
}
