import type { StoredFile } from '../repositories/files.js';

/**
 * A stored file as a download: its checked content type, never sniffed by the
 * browser (a text file cannot turn into a page), saved rather than shown.
 */
export function fileResponse(file: StoredFile, body: ReadableStream<Uint8Array>): Response {
	return new Response(body, {
		headers: {
			'content-type': file.mime,
			'content-length': String(file.size),
			'content-disposition': `attachment; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, max-age=0'
		}
	});
}
