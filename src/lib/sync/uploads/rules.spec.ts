import { describe, expect, it } from 'vitest';
import { formatBytes, MAX_UPLOAD_BYTES, mimeOf, outcomeOf, permanentMessage, refusal, retryDelay } from './rules.js';

describe('refusal', () => {
	it('takes documents, images and Office files up to the cap', () => {
		expect(refusal({ name: 'Contract.PDF', size: 10 })).toBeNull();
		expect(refusal({ name: 'scan.heic', size: MAX_UPLOAD_BYTES })).toBeNull();
		expect(refusal({ name: 'terms.docx', size: 1 })).toBeNull();
	});

	it('refuses other types, oversized and empty files with a message naming the file', () => {
		expect(refusal({ name: 'setup.exe', size: 10 })).toMatch(/“setup.exe” is not a document type/);
		expect(refusal({ name: 'noextension', size: 10 })).toMatch(/not a document type/);
		expect(refusal({ name: 'big.pdf', size: MAX_UPLOAD_BYTES + 1 })).toBe('“big.pdf” is 25.0 MB; files can be at most 25.0 MB.');
		expect(refusal({ name: 'empty.txt', size: 0 })).toBe('“empty.txt” is empty.');
	});
});

describe('mimeOf', () => {
	it('uses the type the server serves for the extension', () => {
		expect(mimeOf('a.pdf', '')).toBe('application/pdf');
		expect(mimeOf('a.JPG', 'image/png')).toBe('image/jpeg');
		expect(mimeOf('a.bin', '')).toBe('application/octet-stream');
	});
});

describe('outcomeOf', () => {
	it('is done when stored now or before', () => {
		expect(outcomeOf(201)).toBe('done');
		expect(outcomeOf(200)).toBe('done');
	});

	it('retries network errors, server trouble and lapsed sessions', () => {
		for (const status of [0, 401, 408, 429, 500, 502, 503]) expect(outcomeOf(status)).toBe('retry');
	});

	it('gives up on answers the same bytes would get again', () => {
		for (const status of [400, 403, 409, 413, 415]) expect(outcomeOf(status)).toBe('permanent');
	});
});

describe('permanentMessage', () => {
	it('prefers the server’s message, else explains the status', () => {
		expect(permanentMessage(415, 'The content of “a.pdf” does not match its extension.')).toMatch(/does not match/);
		expect(permanentMessage(413, undefined)).toBe('The file is over 25.0 MB.');
		expect(permanentMessage(409, undefined)).toMatch(/already has this id/);
	});
});

describe('retryDelay', () => {
	it('doubles from 2 s up to 5 minutes, jittered into the upper half', () => {
		expect(retryDelay(1, () => 0)).toBe(1000);
		expect(retryDelay(1, () => 1)).toBe(2000);
		expect(retryDelay(3, () => 1)).toBe(8000);
		expect(retryDelay(30, () => 1)).toBe(300_000);
	});
});

describe('formatBytes', () => {
	it('reads naturally', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(2048)).toBe('2.0 KB');
		expect(formatBytes(300 * 1024)).toBe('300 KB');
		expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
	});
});
