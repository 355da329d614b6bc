import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import type { InvoiceIssuer } from '#lib/domain/billing/invoice.js';

/**
 * The tenant's logo, scaled into a box at the top left of each invoice. It is
 * added under one alias, so the document holds one image object and every
 * later invoice of a run only refers to it (1,000 invoices, one image). Its
 * size is read from the file's header rather than through jsPDF, which would
 * decode the whole image to tell it.
 *
 * jsPDF decodes a PNG and compresses its pixels again for every document
 * (5–8 ms for a 360×120 logo with transparency, most of an invoice's time),
 * so what its PNG step makes is kept per logo, by content, and handed to the
 * next document through the same step: each tenant's logo is decoded once
 * per process. A JPEG goes into the PDF as it is and needs no such thing.
 */

const ALIAS = 'issuer-logo';
const MAX_WIDTH = 160;
const MAX_HEIGHT = 56;

type Logo = NonNullable<InvoiceIssuer['logo']>;
type Size = { width: number; height: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): Size | null {
	if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// IHDR is always the first chunk: width and height at bytes 16 and 20
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** start-of-frame markers (baseline, progressive, …): not DHT (C4), JPG (C8) or DAC (CC) */
const isStartOfFrame = (marker: number): boolean => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array): Size | null {
	if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return null;
		const marker = bytes[at + 1];
		if (marker === 0xff) {
			at += 1; // fill byte
			continue;
		}
		if (isStartOfFrame(marker)) return { height: (bytes[at + 5] << 8) | bytes[at + 6], width: (bytes[at + 7] << 8) | bytes[at + 8] };
		at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
	}
	return null;
}

/** The logo's pixel size from its header, or null when the bytes are not the format they claim. */
export function imageSize(logo: Logo): Size | null {
	const size = logo.format === 'PNG' ? pngSize(logo.bytes) : jpegSize(logo.bytes);
	return size && size.width > 0 && size.height > 0 ? size : null;
}

type ImageStep = (this: jsPDF, bytes: Uint8Array, index: number, alias: string, ...rest: unknown[]) => Record<string, unknown>;
const api = jsPDF.API as unknown as { processPNG: ImageStep };
const decodedLogos = new Map<string, Record<string, unknown>>();
const KEPT_LOGOS = 16;

/** This document's PNG step, answering from decodedLogos for a logo seen before. */
function reuseDecodedPng(doc: jsPDF): void {
	const step: ImageStep = function (bytes, index, alias, ...rest) {
		const key = `${createHash('sha256').update(bytes).digest('hex')}:${String(rest[0])}`;
		let decoded = decodedLogos.get(key);
		if (!decoded) {
			decoded = api.processPNG.call(this, bytes, index, alias, ...rest);
			decodedLogos.set(key, decoded);
			// the oldest goes first: a process serves a handful of tenants' logos at a time
			const oldest = decodedLogos.keys().next().value;
			if (decodedLogos.size > KEPT_LOGOS && oldest !== undefined) decodedLogos.delete(oldest);
		}
		// a copy: jsPDF writes the object's number into it when it outputs this document
		return { ...decoded, index, alias };
	};
	(doc as unknown as { processPNG: ImageStep }).processPNG = step;
}

/**
 * Draws the logo at (x, y) and returns the height it took; 0 without one. A
 * logo jsPDF cannot read is left out rather than failing the invoice — and,
 * in a run, every invoice after it.
 */
export function logoDrawer(doc: jsPDF, logo: InvoiceIssuer['logo']): (x: number, y: number) => number {
	const size = logo ? imageSize(logo) : null;
	if (!logo || !size) return () => 0;
	const scale = Math.min(MAX_WIDTH / size.width, MAX_HEIGHT / size.height);
	const width = size.width * scale;
	const height = size.height * scale;
	if (logo.format === 'PNG') reuseDecodedPng(doc);
	let usable = true;
	return (x, y) => {
		if (!usable) return 0;
		try {
			doc.addImage(logo.bytes, logo.format, x, y, width, height, ALIAS, 'FAST');
			return height;
		} catch {
			usable = false;
			return 0;
		}
	};
}
