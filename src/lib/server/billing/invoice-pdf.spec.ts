import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { jsPDF } from 'jspdf';
import { describe, expect, it, vi } from 'vitest';
import { LINE_KIND_LABELS, LINE_KINDS, type Invoice, type InvoiceIssuer, type InvoiceLine } from '#lib/domain/billing/invoice.js';
import { TAX_ROUNDING_RULE, taxSummary } from '#lib/domain/billing/tax.js';
import { formatMoney } from '#lib/sync/contracts/inputs.js';
import { imageSize } from './pdf-logo.js';
import { RIGHT } from './pdf-sheet.js';
import { invoicePdf, runPdf } from './invoice-pdf.js';

// The PDFs are read back with pdf.js (Mozilla's parser, as a browser would show them): what is
// checked is the text a person or a search would find on each page, not jsPDF's own calls.

/** a real 2×1 RGB PNG (one navy, one orange pixel) */
const LOGO = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGOQ9+v5MEEBAAiHApodiWcjAAAAAElFTkSuQmCC', 'base64'));

const issuer: InvoiceIssuer = {
	name: 'Northwind IT Services',
	address: ['400 Harbour Street, Suite 12', 'Portland, OR 97201'],
	email: 'billing@northwind.example',
	phone: '+1 503 555 0100',
	taxId: 'US-93-1234567',
	logo: { bytes: LOGO, format: 'PNG' },
	footer: 'Pay by ACH to Northwind IT Services, routing 123000000, account 4455667788.\nQuestions about this invoice: billing@northwind.example.'
};

const DESCRIPTIONS = ['Managed workstation', 'Server monitoring and patching for the file server', 'Onsite visit: replaced the core switch in the server room and re-cabled the patch panel, then tested every drop', 'Microsoft 365 Business Premium licence', 'Block of prepaid hours drawn down'];

/** n lines of every kind, at two tax rates with untaxed labour among them */
function invoiceLines(n: number): InvoiceLine[] {
	return Array.from({ length: n }, (_, i) => {
		const kind = LINE_KINDS[i % LINE_KINDS.length];
		const quantity = kind === 'labour' ? 0.25 * (1 + (i % 9)) : 1 + (i % 4);
		const unitPrice = 1_250 + i * 337;
		return {
			id: `line-${i}`,
			kind,
			sourceKind: 'manual',
			sourceId: `source-${i}`,
			description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]} #${i}`,
			serviceDate: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
			quantity,
			unitPrice,
			amount: Math.round(quantity * unitPrice),
			taxable: kind !== 'labour',
			taxBasisPoints: i % 3 === 0 ? 600 : 825
		};
	});
}

function invoice(number: string, lines: InvoiceLine[], patch: Partial<Invoice> = {}): Invoice {
	return {
		id: `id-${number}`,
		number,
		customerId: 'customer-1',
		billTo: { name: 'Contoso Dental Group', email: 'accounts@contoso.example', address: ['18 Elm Road', 'Salem, OR 97301'], taxId: null },
		issuedOn: '2026-12-01',
		dueOn: '2026-12-31',
		periodStart: '2026-11-01',
		periodEnd: '2026-11-30',
		currency: 'USD',
		terms: 'Net 30',
		creditOf: null,
		status: 'posted',
		lines,
		tax: taxSummary(lines),
		paid: 5_000,
		credited: 0,
		...patch
	};
}

type Item = { str: string; x: number; y: number; width: number };

/** Each page's text items (x, width, string), read back by pdf.js; with images, how many each page paints. */
async function readPdf(bytes: Uint8Array): Promise<Item[][]>;
async function readPdf(bytes: Uint8Array, images: 'images'): Promise<{ pages: Item[][]; images: number[] }>;
async function readPdf(bytes: Uint8Array, images?: 'images'): Promise<Item[][] | { pages: Item[][]; images: number[] }> {
	const task = getDocument({ data: bytes.slice(), verbosity: 0 });
	const pdf = await task.promise;
	const pages = [];
	const painted = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		const content = await page.getTextContent();
		const items = content.items.filter((item): item is TextItem => 'str' in item && item.str.trim() !== '');
		pages.push(items.map((item) => ({ str: item.str, x: item.transform[4], y: item.transform[5], width: item.width })));
		if (images) painted.push((await page.getOperatorList()).fnArray.filter((op) => op === OPS.paintImageXObject).length);
	}
	await task.destroy();
	return images ? { pages, images: painted } : pages;
}

const strings = (page: { str: string }[]): string[] => page.map((item) => item.str);
const prose = (pages: { str: string }[][]): string => pages.flat().map((item) => item.str).join(' ');
const money = (minor: number): string => formatMoney(minor, 'USD');

describe('invoicePdf', () => {
	const lines = invoiceLines(60);
	const inv = invoice('INV-2026-00017', lines);

	it('prints a 60-line invoice over several pages, the table header and "Page n of m" on each', async () => {
		const pages = await readPdf(invoicePdf(issuer, inv));
		expect(pages.length).toBeGreaterThanOrEqual(2);
		pages.forEach((page, i) => {
			expect(strings(page)).toContain(`Page ${i + 1} of ${pages.length}`);
			expect(strings(page)).toContain('Invoice INV-2026-00017');
		});
		expect(strings(pages[0])).toEqual(expect.arrayContaining(['Invoice', 'INV-2026-00017', 'Net 30', '2026-11-01 to 2026-11-30', 'Contoso Dental Group', 'Northwind IT Services']));
		expect(strings(pages[1])).toEqual(expect.arrayContaining(['Invoice INV-2026-00017, continued', 'Date', 'Description', 'Qty', 'Unit price', 'Amount']));
		for (const kind of LINE_KINDS) expect(strings(pages.flat())).toContain(LINE_KIND_LABELS[kind]);
		// every line's amount is printed, in the app's money format
		for (const line of lines) expect(strings(pages.flat())).toContain(money(line.amount));
	});

	it('prints the total, the tax per rate and the rounding rule exactly', async () => {
		const { tax } = inv;
		expect(tax.byRate.map((r) => r.basisPoints)).toEqual([825, 600]);
		const text = strings((await readPdf(invoicePdf(issuer, inv))).flat());
		expect(text).toEqual(expect.arrayContaining([money(tax.subtotal), money(tax.tax), money(tax.total), money(5_000), money(tax.total - 5_000)]));
		for (const rate of tax.byRate) {
			const percent = rate.basisPoints === 825 ? '8.25 %' : '6 %';
			expect(text).toContain(`Tax ${percent} on ${money(rate.taxable)}`);
			expect(text).toContain(money(rate.tax));
		}
		expect(text.join(' ')).toContain(TAX_ROUNDING_RULE);
		expect(text.join(' ')).toContain('Pay by ACH to Northwind IT Services');
	});

	it('calls a credit note a credit note, with the invoice it corrects', async () => {
		const credited = lines.slice(0, 3).map((l) => ({ ...l, id: `credit-${l.id}`, description: `Credit: ${l.description}`, amount: -l.amount, quantity: -l.quantity }));
		const pages = await readPdf(invoicePdf(issuer, invoice('CN-2026-00003', credited, { creditOf: 'INV-2026-00017', paid: 0 })));
		const text = strings(pages[0]);
		expect(text).toEqual(expect.arrayContaining(['Credit note', 'CN-2026-00003', 'Credits invoice', 'INV-2026-00017', 'Credit note CN-2026-00003']));
		expect(text).not.toContain('Invoice');
		expect(text).toContain(money(credited[0].amount));
	});

	it('prints a hostile description as text, wrapped inside the page', async () => {
		const word = 'W'.repeat(5_000);
		const hostile = invoiceLines(3).map((l, i) => ({ ...l, description: i === 0 ? '<script>alert(1)</script>' : i === 1 ? word : `Zoë’s ſtraße — Łódź ‐ 😀 中文 ${'M'.repeat(50)}` }));
		const pages = await readPdf(invoicePdf(issuer, invoice('INV-2026-00099', hostile)));
		const items = pages.flat();
		expect(strings(items)).toContain('<script>alert(1)</script>');
		// the 5,000-character word comes back whole, in pieces, none past the right margin
		const pieces = items.filter((item) => /^W+$/.test(item.str));
		expect(pieces.length).toBeGreaterThan(20);
		expect(pieces.reduce((n, item) => n + item.str.length, 0)).toBe(5_000);
		// every piece ends left of the quantity column, and nothing runs off the page (pdf.js's
		// metrics for Helvetica differ from jsPDF's by under a point, hence the allowance)
		const qtyColumn = items.find((item) => item.str === 'Qty');
		for (const piece of pieces) expect(piece.x + piece.width).toBeLessThan(qtyColumn!.x);
		for (const item of items) expect(item.x + item.width).toBeLessThanOrEqual(RIGHT + 2);
		// what the built-in font lacks is replaced, never garbled into the rest of the line
		expect(prose(pages)).toContain('Zoë’s straße — Lódz - ? ?? MMM');
		expect(pages.length).toBeGreaterThanOrEqual(2);
		// a row taller than a page starts where it is, right under the one before it
		expect(strings(pages[0]).some((s) => /^W+$/.test(s))).toBe(true);
	});

	it('keeps a head with an endless name and address on the first page, above the table', async () => {
		const billTo = { name: 'Contoso '.repeat(300), email: null, address: Array.from({ length: 60 }, (_, i) => `Address line ${i}`), taxId: null };
		const pages = await readPdf(invoicePdf({ ...issuer, name: 'Northwind '.repeat(300) }, invoice('INV-2026-00098', invoiceLines(3), { billTo })));
		expect(strings(pages[0])).toEqual(expect.arrayContaining(['Description', 'Address line 0']));
		expect(strings(pages[0])).not.toContain('Address line 59');
		// nothing below the page number, which stands 30 pt above the bottom edge
		for (const item of pages.flat()) expect(item.y).toBeGreaterThanOrEqual(29);
	});
});

describe('money', () => {
	it('prints amounts as the app formats them, and a currency code where the font has no symbol', async () => {
		const lines = invoiceLines(4);
		const euro = strings((await readPdf(invoicePdf(issuer, invoice('INV-2026-00200', lines, { currency: 'EUR' })))).flat());
		expect(euro).toContain(formatMoney(taxSummary(lines).total, 'EUR'));
		const rupee = strings((await readPdf(invoicePdf(issuer, invoice('INV-2026-00201', lines, { currency: 'INR' })))).flat());
		const total = taxSummary(lines).total;
		// "INR 1,250.00" (Intl puts a no-break space after the code)
		expect(rupee.map((s) => s.replace(/\u00a0/g, ' '))).toContain(`INR ${formatMoney(total, null)}`);
		expect(rupee.join(' ')).not.toContain('?');
	});
});

describe('runPdf', () => {
	it('starts each invoice of a run on a page of its own, numbered by its own pages, the logo stored once', async () => {
		const numbers = ['INV-2026-00101', 'INV-2026-00102', 'INV-2026-00103'];
		const invoices = numbers.map((n, i) => invoice(n, invoiceLines([5, 60, 12][i])));
		const run = runPdf(issuer, invoices);
		const pages = await readPdf(run);
		const firsts = pages.map((page, i) => ({ page, i })).filter(({ page }) => strings(page).some((s) => s.startsWith('Page 1 of ')));
		expect(firsts.map(({ page }) => numbers.filter((n) => strings(page).includes(n)))).toEqual(numbers.map((n) => [n]));
		const alone = await Promise.all(invoices.map(async (inv) => (await readPdf(invoicePdf(issuer, inv))).length));
		expect(pages.length).toBe(alone.reduce((a, b) => a + b, 0));
		expect(firsts.map(({ i }) => i)).toEqual([0, alone[0], alone[0] + alone[1]]);
		// one image object in the file (its transparency is a second, gray one), painted on each first page
		const imageObjects = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').split('/Subtype /Image').length - 1;
		expect(imageObjects(runPdf({ ...issuer, logo: { bytes: LOGO, format: 'PNG' } }, invoices))).toBe(imageObjects(invoicePdf(issuer, invoices[0])));
		const { images } = await readPdf(run, 'images');
		expect(images.filter((n) => n > 0).length).toBe(3);
		expect(firsts.every(({ i }) => images[i] === 1)).toBe(true);
	});

	it('refuses an empty run', () => {
		expect(() => runPdf(issuer, [])).toThrow(RangeError);
	});
});

describe('logo', () => {
	it('reads the size from the PNG or JPEG header, and refuses bytes that are not the format', () => {
		expect(imageSize({ bytes: LOGO, format: 'PNG' })).toEqual({ width: 2, height: 1 });
		// SOI, an APP0 segment of 4 bytes, then SOF0 with height 48 and width 320
		const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x01, 0x40, 0x03, 0, 0, 0, 0]);
		expect(imageSize({ bytes: jpeg, format: 'JPEG' })).toEqual({ width: 320, height: 48 });
		expect(imageSize({ bytes: LOGO, format: 'JPEG' })).toBeNull();
	});

	it('draws the logo on every document, decoded once for them all', async () => {
		// a logo no other test uses (1×2), so the first document here is the one that decodes it
		const tall = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAACCAIAAAAW4yFwAAAAEElEQVR4nGOQ9+th+DBBAQAJgQKaOXEcXwAAAABJRU5ErkJggg==', 'base64'));
		const decode = vi.spyOn(jsPDF.API as unknown as { processPNG: () => unknown }, 'processPNG');
		try {
			const pdfs = [1, 2, 3].map((n) => invoicePdf({ ...issuer, logo: { bytes: tall.slice(), format: 'PNG' } }, invoice(`INV-2026-0030${n}`, invoiceLines(3))));
			expect(decode).toHaveBeenCalledTimes(1);
			for (const pdf of pdfs) expect((await readPdf(pdf, 'images')).images[0]).toBe(1);
		} finally {
			decode.mockRestore();
		}
	});

	it('leaves out a logo that cannot be read rather than failing the invoice', async () => {
		const broken = { ...issuer, logo: { bytes: LOGO.slice(0, 30), format: 'PNG' as const } };
		const pages = await readPdf(invoicePdf(broken, invoice('INV-2026-00042', invoiceLines(2))));
		expect(strings(pages[0])).toContain('INV-2026-00042');
	});
});
