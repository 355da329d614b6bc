import { jsPDF } from 'jspdf';
import type { Invoice, InvoiceIssuer } from '#lib/domain/billing/invoice.js';
import { TAX_ROUNDING_RULE } from '#lib/domain/billing/tax.js';
import { formatMoney, minorDigits } from '#lib/sync/contracts/inputs.js';
import { useNativeDeflate } from './pdf-deflate.js';
import { logoDrawer } from './pdf-logo.js';
import { GREY, LEFT, RIGHT, Sheet, TOP } from './pdf-sheet.js';
import { drawLineTable, type Money } from './pdf-table.js';
import { pdfSafe, wrapText } from './pdf-text.js';

/**
 * An invoice (or a credit note) as a PDF, and a whole billing run as one PDF
 * with each invoice on pages of its own. Drawn with jsPDF's primitives and its
 * built-in Helvetica: a run of 1,000 invoices must take seconds and stay well
 * inside a worker's memory, so nothing is embedded but the tenant's logo, once.
 * Every figure is the posted invoice's own (lines, TaxSummary, paid): the PDF
 * formats, it never computes money.
 */

const BLOCK_WIDTH = 250;
const META_LABEL_X = RIGHT - 190;
const TOTALS_LABEL_X = RIGHT - 250;
const TOTALS_ROW = 14;
/** the head of the first page has no second page to run on to: a name or an address gets so many lines at most */
const NAME_LINES = 3;
const DETAIL_LINES = 8;

type Draw = { issuer: InvoiceIssuer; invoice: Invoice; money: Money; logo: (x: number, y: number) => number };

const titleOf = (invoice: Invoice): string => (invoice.creditOf ? 'Credit note' : 'Invoice');

/** "8.25 %" for 825 basis points */
const ratePercent = (basisPoints: number): string => `${basisPoints / 100} %`;

/**
 * Money as formatMoney writes it ("$1,250.50"), with the ISO code in place of a
 * symbol the built-in font lacks ("INR 1,250.00", not "?1,250.00"). Its own
 * Intl formatter, made once per currency and process: formatMoney asks Intl
 * for the currency's decimals on every call, and a run formats a hundred
 * thousand amounts.
 */
const moneyByCurrency = new Map<string, Money>();

function moneyIn(currency: string): Money {
	let money = moneyByCurrency.get(currency);
	if (money) return money;
	// a bound, should bad data bring codes by the thousand
	if (moneyByCurrency.size >= 64) moneyByCurrency.clear();
	moneyByCurrency.set(currency, (money = makeMoney(currency)));
	return money;
}

function makeMoney(currency: string): Money {
	const sample = formatMoney(0, currency);
	let format: Intl.NumberFormat;
	try {
		format = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: pdfSafe(sample) === sample ? 'symbol' : 'code' });
	} catch {
		return (minor) => formatMoney(minor, currency); // not a currency Intl knows: formatMoney's plain number
	}
	const scale = 10 ** minorDigits(currency);
	return (minor) => format.format(minor / scale);
}

type Block = { x: number; width: number; leading: number; maxLines: number; align?: 'left' | 'right' };

/** Lines of text from y down, each wrapped to width, at most maxLines; returns the y under them. */
function textBlock(doc: jsPDF, lines: readonly (string | null)[], y: number, { x, width, leading, maxLines, align = 'left' }: Block): number {
	const wrapped = lines.flatMap((line) => (line ? wrapText(doc, line, width) : [])).slice(0, maxLines);
	if (wrapped.length > 0) doc.text(wrapped, x, y, { align, lineHeightFactor: leading / doc.getFontSize() });
	return y + wrapped.length * leading;
}

/** The MSP, right-aligned at the top; returns the y under it. */
function drawIssuer(doc: jsPDF, issuer: InvoiceIssuer): number {
	doc.setFont('helvetica', 'bold').setFontSize(11);
	const y = textBlock(doc, [issuer.name], TOP + 10, { x: RIGHT, width: BLOCK_WIDTH, leading: 13, maxLines: NAME_LINES, align: 'right' });
	doc.setFont('helvetica', 'normal').setFontSize(8.5);
	const details = [...issuer.address, issuer.email, issuer.phone, issuer.taxId ? `Tax ID ${issuer.taxId}` : null];
	return textBlock(doc, details, y, { x: RIGHT, width: BLOCK_WIDTH, leading: 11, maxLines: DETAIL_LINES, align: 'right' });
}

/** Number, dates, terms and period as label–value rows on the right; returns the y under them. */
function drawMeta(doc: jsPDF, invoice: Invoice, top: number): number {
	const rows: [string, string][] = [
		['Number', invoice.number],
		['Issued', invoice.issuedOn],
		['Due', invoice.dueOn],
		['Terms', invoice.terms],
		['Period', `${invoice.periodStart} to ${invoice.periodEnd}`]
	];
	if (invoice.creditOf) rows.push(['Credits invoice', invoice.creditOf]);
	let y = top;
	for (const [label, value] of rows) {
		doc.setFont('helvetica', 'normal').setFontSize(8.5).setTextColor(GREY).text(label, META_LABEL_X, y);
		doc.setTextColor(0).setFont('helvetica', label === 'Number' ? 'bold' : 'normal');
		y = textBlock(doc, [value], y, { x: RIGHT, width: RIGHT - META_LABEL_X - 70, leading: 12, maxLines: NAME_LINES, align: 'right' });
	}
	return y;
}

/** Who is billed, on the left under the title; returns the y under it. */
function drawBillTo(doc: jsPDF, invoice: Invoice, top: number): number {
	const { billTo } = invoice;
	doc.setFont('helvetica', 'normal').setFontSize(8).setTextColor(GREY).text('Bill to', LEFT, top);
	doc.setTextColor(0).setFont('helvetica', 'bold').setFontSize(10);
	const y = textBlock(doc, [billTo.name], top + 14, { x: LEFT, width: BLOCK_WIDTH, leading: 12, maxLines: NAME_LINES });
	doc.setFont('helvetica', 'normal').setFontSize(8.5);
	const details = [...billTo.address, billTo.email, billTo.taxId ? `Tax ID ${billTo.taxId}` : null];
	return textBlock(doc, details, y, { x: LEFT, width: BLOCK_WIDTH, leading: 11, maxLines: DETAIL_LINES });
}

/** The first page's head: logo, issuer, title, meta, bill-to. */
function drawFirstHead(sheet: Sheet, { issuer, invoice, logo }: Draw): void {
	const { doc } = sheet;
	const underLogo = TOP + logo(LEFT, TOP);
	const underIssuer = drawIssuer(doc, issuer);
	const titleY = Math.max(underLogo, underIssuer) + 30;
	doc.setFont('helvetica', 'bold').setFontSize(20).text(titleOf(invoice), LEFT, titleY);
	const underMeta = drawMeta(doc, invoice, titleY);
	const underBillTo = drawBillTo(doc, invoice, titleY + 26);
	sheet.y = Math.max(underMeta, underBillTo) + 18;
	sheet.bodyTop = sheet.y;
}

/** A continuation page's head: what this page belongs to. */
function drawShortHead(sheet: Sheet, { issuer, invoice }: Draw): void {
	const { doc } = sheet;
	const baseline = sheet.y + 8;
	doc.setFont('helvetica', 'bold').setFontSize(9).setTextColor(0);
	doc.text(pdfSafe(`${titleOf(invoice)} ${invoice.number}, continued`), LEFT, baseline);
	doc.setFont('helvetica', 'normal').setTextColor(GREY);
	doc.text(wrapText(doc, `${issuer.name} for ${invoice.billTo.name}`, BLOCK_WIDTH)[0] ?? '', RIGHT, baseline, { align: 'right' });
	doc.setTextColor(0);
	sheet.y += 24;
}

/** Label and amount rows of the totals: subtotal, tax per rate, tax, total; an invoice adds paid, credited and the balance due. */
function totalsRows(invoice: Invoice, money: Money): { label: string; value: string; strong?: boolean }[] {
	const { tax } = invoice;
	const rows = [
		{ label: 'Subtotal', value: money(tax.subtotal) },
		...tax.byRate.map((r) => ({ label: `Tax ${ratePercent(r.basisPoints)} on ${money(r.taxable)}`, value: money(r.tax) })),
		{ label: 'Tax', value: money(tax.tax) },
		{ label: invoice.creditOf ? 'Total credited' : 'Total', value: money(tax.total), strong: true }
	];
	if (invoice.creditOf) return rows;
	return [
		...rows,
		{ label: 'Paid', value: money(invoice.paid) },
		...(invoice.credited > 0 ? [{ label: 'Credited', value: money(-invoice.credited) }] : []),
		{ label: 'Balance due', value: money(tax.total - invoice.paid - invoice.credited), strong: true }
	];
}

/** The totals on the right, kept together on one page. */
function drawTotals(sheet: Sheet, { invoice, money }: Draw): void {
	const rows = totalsRows(invoice, money);
	sheet.ensure(rows.length * TOTALS_ROW + 8);
	const { doc } = sheet;
	for (const row of rows) {
		const baseline = sheet.y + 10;
		if (row.strong) doc.setDrawColor(GREY).setLineWidth(0.5).line(TOTALS_LABEL_X, sheet.y, RIGHT, sheet.y);
		doc.setFont('helvetica', row.strong ? 'bold' : 'normal').setFontSize(9);
		doc.text(row.label, TOTALS_LABEL_X, baseline);
		doc.text(row.value, RIGHT, baseline, { align: 'right' });
		sheet.y += TOTALS_ROW;
	}
	sheet.y += 14;
}

/** Wrapped small print across the page, continuing on the next page when needed. */
function drawNote(sheet: Sheet, text: string, size: number): void {
	const { doc } = sheet;
	const leading = size * 1.3;
	doc.setFont('helvetica', 'normal').setFontSize(size);
	for (const line of wrapText(doc, text, RIGHT - LEFT)) {
		sheet.ensure(leading);
		doc.setFont('helvetica', 'normal').setFontSize(size).setTextColor(GREY);
		doc.text(line, LEFT, sheet.y + size);
		sheet.y += leading;
	}
	doc.setTextColor(0);
	sheet.y += 6;
}

function drawInvoice(doc: jsPDF, draw: Draw, firstInDocument: boolean): void {
	const sheet = new Sheet(doc, firstInDocument, (s) => drawShortHead(s, draw));
	drawFirstHead(sheet, draw);
	drawLineTable(sheet, draw.invoice.lines, draw.money);
	drawTotals(sheet, draw);
	drawNote(sheet, TAX_ROUNDING_RULE, 7);
	if (draw.issuer.footer) drawNote(sheet, draw.issuer.footer, 8);
	sheet.finish(pdfSafe(`${titleOf(draw.invoice)} ${draw.invoice.number}`));
}

function newDocument(title: string, issuer: InvoiceIssuer): jsPDF {
	// only the fonts drawn with go in the file; content streams compressed (by node:zlib)
	useNativeDeflate();
	const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
	doc.setProperties({ title: pdfSafe(title), author: pdfSafe(issuer.name), creator: 'Stackdesk' });
	return doc;
}

/** The PDF of a whole billing run: every invoice from a new page, numbered by its own pages. */
export function runPdf(issuer: InvoiceIssuer, invoices: readonly Invoice[]): Uint8Array {
	if (invoices.length === 0) throw new RangeError('a billing run PDF needs at least one invoice');
	const title = invoices.length === 1 ? `${titleOf(invoices[0])} ${invoices[0].number}` : `Billing run: ${invoices.length} invoices`;
	const doc = newDocument(title, issuer);
	const logo = logoDrawer(doc, issuer.logo);
	invoices.forEach((invoice, i) => drawInvoice(doc, { issuer, invoice, money: moneyIn(invoice.currency), logo }, i === 0));
	return new Uint8Array(doc.output('arraybuffer'));
}

/** One invoice or credit note as a PDF. */
export function invoicePdf(issuer: InvoiceIssuer, invoice: Invoice): Uint8Array {
	return runPdf(issuer, [invoice]);
}
