/**
 * What the browser checks before it queues a contract document, and how it
 * reads the server's answer to an upload (docs/api.md, "Files"). The browser
 * refuses what the server would refuse for sure (size, file type) at once,
 * so nothing is queued offline only to fail hours later.
 */

/** The server's cap (25 MB, as `MAX_FILE_BYTES` on the server). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The extensions the server takes, with the content type it serves them with. */
const TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	heic: 'image/heic',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	txt: 'text/plain',
	csv: 'text/csv'
};

/** For a file input's `accept`: extensions and types, so phones offer documents and the camera. */
export const ACCEPT = [...Object.keys(TYPES).map((ext) => `.${ext}`), 'image/*', 'application/pdf'].join(',');

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The content type recorded for a file: the server's for its extension, else what the browser said. */
export function mimeOf(name: string, browserType: string): string {
	return TYPES[extensionOf(name)] ?? (browserType || 'application/octet-stream');
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file cannot be attached, or null when it can. */
export function refusal(file: { name: string; size: number }): string | null {
	if (!TYPES[extensionOf(file.name)]) {
		return `“${file.name}” is not a document type we take. Attach a PDF, an image or an Office file (${Object.keys(TYPES).join(', ')}).`;
	}
	if (file.size > MAX_UPLOAD_BYTES) {
		return `“${file.name}” is ${formatBytes(file.size)}; files can be at most ${formatBytes(MAX_UPLOAD_BYTES)}.`;
	}
	if (file.size === 0) return `“${file.name}” is empty.`;
	return null;
}

/**
 * What to do after an answer: done (stored now or before), retry later (the
 * network, the server having a bad moment, a lapsed session), or give up for
 * good — the same bytes would be refused again, so the person has to act.
 */
export type Outcome = 'done' | 'retry' | 'permanent';

export function outcomeOf(status: number): Outcome {
	if (status === 200 || status === 201) return 'done';
	if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'retry';
	return 'permanent';
}

/** What the person reads on an upload refused for good: the server's message when it gave one. */
export function permanentMessage(status: number, serverMessage: string | undefined): string {
	if (serverMessage) return serverMessage;
	if (status === 409) return 'Another file already has this id.';
	if (status === 413) return `The file is over ${formatBytes(MAX_UPLOAD_BYTES)}.`;
	if (status === 415) return 'The server does not take this type of file.';
	if (status === 403) return 'Your role may not upload contract documents.';
	return `The server refused the file (${status}).`;
}

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 5 * 60_000;

/** Exponential backoff with jitter, so tabs and devices coming back together do not retry in step. */
export function retryDelay(attempt: number, random = Math.random): number {
	const ceiling = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
