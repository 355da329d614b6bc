import Papa from 'papaparse';
import { z } from 'zod';
import { optionalText } from '../documents/fields.js';
import { formatMinor } from '../import/money.js';
import type { Invoice, InvoiceLine, LineKind } from './invoice.js';

/**
 * Posted invoices as the accounting packages import them: a QuickBooks Online
 * invoice import CSV, a QuickBooks Desktop IIF file, and a plain CSV of every
 * line. Pure: invoices and the tenant's mapping in, the file's text out (the
 * route sets the file name, the content type and, for IIF, the encoding).
 *
 * Signs are the posted document's: a credit note's lines and tax are stored
 * negative (credit-note.ts), so the same rules write an invoice and a credit
 * note, and a credit note comes out with its signs flipped.
 */

// ——— the tenant's mapping ———————————————————————————————————————————————

/** What Stackdesk's lines are called in the tenant's books: an item (product/service) per kind of line, and the accounts. */
export type ExportMapping = {
	items: Record<LineKind, string>;
	/** where the lines' income is booked (IIF) */
	incomeAccount: string;
	/** where the invoice total is owed (IIF) */
	receivableAccount: string;
	/** the item a tax line is written with */
	taxItem: string;
	/** where tax is owed (IIF) */
	taxAccount: string;
	/** QuickBooks Online's Location of every invoice, or none */
	location: string | null;
};

export const DEFAULT_EXPORT_MAPPING: ExportMapping = {
	items: {
		recurring: 'Managed Services',
		labour: 'Labor',
		block: 'Prepaid Hours',
		milestone: 'Project Milestone',
		expense: 'Reimbursable Expenses',
		product: 'Hardware & Software',
		adjustment: 'Adjustment'
	},
	incomeAccount: 'Services Income',
	receivableAccount: 'Accounts Receivable',
	taxItem: 'Sales Tax',
	taxAccount: 'Sales Tax Payable',
	location: null
};

/** The flat field of the stored record that holds each kind's item (records hold only scalars). */
export const EXPORT_ITEM_FIELDS = {
	recurring: 'recurringItem',
	labour: 'labourItem',
	block: 'blockItem',
	milestone: 'milestoneItem',
	expense: 'expenseItem',
	product: 'productItem',
	adjustment: 'adjustmentItem'
} as const satisfies Record<LineKind, string>;

/** 100 characters: QuickBooks Online's limit on a product/service name */
const NAME_LENGTH = 100;

/** A name in the mapping: missing, blank or unreadable → the default. */
const nameOr = (fallback: string) =>
	optionalText(NAME_LENGTH)
		.transform((v) => v ?? fallback)
		.catch(fallback);

const items = DEFAULT_EXPORT_MAPPING.items;

/**
 * The mapping as the tenant's catalog document stores it (`T:catalog`, one
 * flat record), read into an ExportMapping: a field that is missing or blank
 * takes its default, so a tenant that never opened the settings exports with
 * DEFAULT_EXPORT_MAPPING.
 */
export const exportMappingRecord = z
	.object({
		recurringItem: nameOr(items.recurring),
		labourItem: nameOr(items.labour),
		blockItem: nameOr(items.block),
		milestoneItem: nameOr(items.milestone),
		expenseItem: nameOr(items.expense),
		productItem: nameOr(items.product),
		adjustmentItem: nameOr(items.adjustment),
		incomeAccount: nameOr(DEFAULT_EXPORT_MAPPING.incomeAccount),
		receivableAccount: nameOr(DEFAULT_EXPORT_MAPPING.receivableAccount),
		taxItem: nameOr(DEFAULT_EXPORT_MAPPING.taxItem),
		taxAccount: nameOr(DEFAULT_EXPORT_MAPPING.taxAccount),
		location: optionalText(NAME_LENGTH).catch(null)
	})
	.transform(
		(record): ExportMapping => ({
			items: {
				recurring: record.recurringItem,
				labour: record.labourItem,
				block: record.blockItem,
				milestone: record.milestoneItem,
				expense: record.expenseItem,
				product: record.productItem,
				adjustment: record.adjustmentItem
			},
			incomeAccount: record.incomeAccount,
			receivableAccount: record.receivableAccount,
			taxItem: record.taxItem,
			taxAccount: record.taxAccount,
			location: record.location
		})
	);

export type ExportMappingFields = z.input<typeof exportMappingRecord>;

/** The mapping back to the flat record the catalog document stores. */
export function exportMappingFields(mapping: ExportMapping): ExportMappingFields {
	const { items: byKind, ...accounts } = mapping;
	const itemFields = Object.fromEntries(Object.entries(EXPORT_ITEM_FIELDS).map(([kind, field]) => [field, byKind[kind as LineKind]]));
	return { ...itemFields, ...accounts };
}

// ——— formatting shared by the three files ————————————————————————————————————

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2026-11-30 → 11/30/2026, the US date both QuickBooks read. */
export function usDate(isoDate: string): string {
	const match = ISO_DATE.exec(isoDate);
	if (!match) throw new RangeError(`${isoDate} is not a YYYY-MM-DD date`);
	const [, year, month, day] = match;
	return `${month}/${day}/${year}`;
}

/** A quantity with at most two decimals, unpadded: 12, 1.25, 0.33. */
export function quantityText(quantity: number): string {
	const hundredths = Math.round(Math.abs(quantity) * 100);
	if (hundredths === 0) return '0';
	const fraction = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
	return `${quantity < 0 ? '-' : ''}${Math.floor(hundredths / 100)}${fraction ? `.${fraction}` : ''}`;
}

/** Basis points as a percentage: 825 → "8.25", 600 → "6", 750 → "7.5". */
export function percentText(basisPoints: number): string {
	const fraction = String(Math.abs(basisPoints) % 100).padStart(2, '0').replace(/0+$/, '');
	return `${basisPoints < 0 ? '-' : ''}${Math.floor(Math.abs(basisPoints) / 100)}${fraction ? `.${fraction}` : ''}`;
}

/** −1 or +1: the direction of an amount (zero counts as +1). */
const signOf = (amount: number) => Math.sign(amount) || 1;

/** A line with no quantity (to two decimals) is written with its amount alone, no quantity or price. */
const hasQuantity = (line: InvoiceLine) => Math.round(Math.abs(line.quantity) * 100) !== 0;

/** A line's unit price with the sign of its amount, so quantity (written unsigned) × price is the amount. */
const signedPrice = (line: InvoiceLine) => formatMinor(Math.abs(line.unitPrice) * signOf(line.amount));

/** What a tax line says: "Tax 8.25% on 480.00". */
const taxDescription = (rate: Invoice['tax']['byRate'][number]) => `Tax ${percentText(rate.basisPoints)}% on ${formatMinor(rate.taxable)}`;

/**
 * Person-typed text that a spreadsheet would run as a formula (=, +, -, @, or
 * a tab or carriage return first) gets an apostrophe in front (CSV injection).
 * Only text is passed through here: the amounts are written by this module and
 * keep their minus sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Why a posted invoice cannot be exported as it stands, or null: its stored totals must be its lines' (the IIF would not balance). */
export function exportProblem(invoice: Invoice): string | null {
	const { subtotal, byRate, tax, total } = invoice.tax;
	const lines = invoice.lines.reduce((sum, line) => sum + line.amount, 0);
	if (lines !== subtotal) return `${invoice.number}: its lines come to ${formatMinor(lines)}, not its subtotal ${formatMinor(subtotal)}`;
	const rates = byRate.reduce((sum, rate) => sum + rate.tax, 0);
	if (rates !== tax) return `${invoice.number}: its tax per rate comes to ${formatMinor(rates)}, not its tax ${formatMinor(tax)}`;
	if (subtotal + tax !== total) return `${invoice.number}: its subtotal and tax come to ${formatMinor(subtotal + tax)}, not its total ${formatMinor(total)}`;
	return null;
}

/**
 * The invoices an accounting file carries: a void invoice is owed by no one
 * and is left out (the plain CSV keeps it, with its status). Throws on one
 * whose totals are not its lines'.
 */
function booked(invoices: readonly Invoice[]): Invoice[] {
	const kept = invoices.filter((invoice) => invoice.status !== 'void');
	for (const invoice of kept) {
		const problem = exportProblem(invoice);
		if (problem) throw new RangeError(problem);
	}
	return kept;
}

/** The memo both QuickBooks files carry: the invoice a credit note corrects, or the period billed. */
const memoOf = (invoice: Invoice) =>
	invoice.creditOf ? `Credit note for ${invoice.creditOf}` : `Service period ${usDate(invoice.periodStart)} to ${usDate(invoice.periodEnd)}`;

/** CRLF line ends (RFC 4180, and what Excel and QuickBooks write). */
const csv = (fields: readonly string[], data: readonly string[][]) => Papa.unparse({ fields: [...fields], data: data.map((row) => [...row]) }, { newline: '\r\n' });

// ——— QuickBooks Online ——————————————————————————————————————————————————————

/** QuickBooks Online's invoice import columns, named as its sample file names them (so it maps them by itself). */
export const QBO_INVOICE_HEADERS = [
	'*InvoiceNo',
	'*Customer',
	'*InvoiceDate',
	'*DueDate',
	'Terms',
	'Location',
	'Memo',
	'Item(Product/Service)',
	'ItemDescription',
	'ItemQuantity',
	'ItemRate',
	'*ItemAmount',
	'Service Date'
] as const;

/**
 * QuickBooks Online's invoice import (Settings → Import data → Invoices): one
 * row per line, the invoice's fields repeated on each (QBO groups the rows by
 * InvoiceNo), dates MM/DD/YYYY, UTF-8 without a byte-order mark (QBO reads a
 * BOM as part of the first header), CRLF line ends.
 *
 * A line's quantity is written unsigned and its rate carries the sign of its
 * amount (a credit of $50.00 is 1 × −50.00); a line with no quantity has no
 * quantity or rate, only its amount.
 *
 * Tax: the US import has no tax columns — an imported invoice gets no sales tax
 * of its own (that file's tax columns, ItemTaxCode and ItemTaxAmount, are for
 * VAT/GST companies). So the tax Stackdesk charged is written as one more line
 * per rate, Item = mapping.taxItem, for its exact amount: the imported invoice
 * then comes to the posted total to the cent, and receivables agree. In QBO
 * that item is a service whose income account is the tax liability account.
 *
 * A credit note is written as an invoice with negative amounts and the Memo
 * "Credit note for INV-…"; the import has no credit-memo type, and QBO may
 * refuse an invoice whose total is below zero, in which case the credit note is
 * entered as a credit memo by hand.
 */
export function quickBooksOnlineCsv(invoices: readonly Invoice[], mapping: ExportMapping): string {
	const rows = booked(invoices).flatMap((invoice) => {
		const head = [
			invoice.number,
			neutralise(invoice.billTo.name),
			usDate(invoice.issuedOn),
			usDate(invoice.dueOn),
			neutralise(invoice.terms),
			neutralise(mapping.location ?? ''),
			neutralise(memoOf(invoice))
		];
		const lines = invoice.lines.map((line) => {
			const counted = hasQuantity(line);
			return [
				...head,
				neutralise(mapping.items[line.kind]),
				neutralise(line.description),
				counted ? quantityText(Math.abs(line.quantity)) : '',
				counted ? signedPrice(line) : '',
				formatMinor(line.amount),
				line.serviceDate ? usDate(line.serviceDate) : ''
			];
		});
		const tax = invoice.tax.byRate
			.filter((rate) => rate.tax !== 0)
			.map((rate) => [...head, neutralise(mapping.taxItem), taxDescription(rate), '', '', formatMinor(rate.tax), '']);
		return [...lines, ...tax];
	});
	return csv(QBO_INVOICE_HEADERS, rows);
}

// ——— QuickBooks Desktop (IIF) ———————————————————————————————————————————————

export const IIF_TRNS_COLUMNS = ['TRNSID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'CLASS', 'AMOUNT', 'DOCNUM', 'MEMO', 'DUEDATE', 'TERMS'] as const;
export const IIF_SPL_COLUMNS = ['SPLID', 'TRNSTYPE', 'DATE', 'ACCNT', 'NAME', 'CLASS', 'AMOUNT', 'DOCNUM', 'MEMO', 'PRICE', 'QNTY', 'INVITEM', 'TAXABLE'] as const;

type IifRow<C extends readonly string[]> = Partial<Record<C[number], string>>;

/** IIF has no quoting: a tab or a line break inside a value would start a new column or row, so each run of them becomes a space. */
export const iifText = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

const iifLine = <C extends readonly string[]>(keyword: string, columns: C, row: IifRow<C>) =>
	[keyword, ...columns.map((column: C[number]) => iifText(row[column] ?? ''))].join('\t');

/**
 * QuickBooks Desktop's Intuit Interchange Format (File → Utilities → Import →
 * IIF Files): tab-separated, CRLF line ends (QuickBooks is a Windows program
 * and writes its own IIF files that way), dates MM/DD/YYYY.
 *
 * Each invoice is a TRNS line (INVOICE, the receivable account, AMOUNT = the
 * total), an SPL line per invoice line (the income account, AMOUNT = −amount,
 * QNTY negative as QuickBooks writes an invoice's, PRICE so that QNTY × PRICE is
 * the SPL's AMOUNT), an SPL per tax rate (the tax account and item, PRICE the
 * rate as "8.25%") and ENDTRNS. TRNS and its SPLs sum to exactly zero, which
 * QuickBooks requires of every transaction. A credit note is a CREDIT MEMO: its
 * stored amounts are negative, so TRNS is negative, the SPLs positive and QNTY
 * positive.
 *
 * TRNSID, SPLID and CLASS are left blank (QuickBooks numbers the transactions;
 * the mapping has no class). The text is the route's to encode: QuickBooks
 * Desktop reads IIF as Windows-1252, not UTF-8.
 */
export function quickBooksDesktopIif(invoices: readonly Invoice[], mapping: ExportMapping): string {
	const lines = [
		['!TRNS', ...IIF_TRNS_COLUMNS].join('\t'),
		['!SPL', ...IIF_SPL_COLUMNS].join('\t'),
		'!ENDTRNS'
	];
	for (const invoice of booked(invoices)) {
		const type = invoice.creditOf ? 'CREDIT MEMO' : 'INVOICE';
		/** −1 for an invoice (items go out), +1 for a credit memo (they come back) */
		const direction = invoice.creditOf ? 1 : -1;
		const shared = { TRNSTYPE: type, DATE: usDate(invoice.issuedOn), DOCNUM: invoice.number };
		lines.push(
			iifLine('TRNS', IIF_TRNS_COLUMNS, {
				...shared,
				ACCNT: mapping.receivableAccount,
				NAME: invoice.billTo.name,
				AMOUNT: formatMinor(invoice.tax.total),
				MEMO: memoOf(invoice),
				DUEDATE: usDate(invoice.dueOn),
				TERMS: invoice.terms
			})
		);
		for (const line of invoice.lines) {
			const amount = -line.amount;
			const counted = hasQuantity(line);
			lines.push(
				iifLine('SPL', IIF_SPL_COLUMNS, {
					...shared,
					ACCNT: mapping.incomeAccount,
					AMOUNT: formatMinor(amount),
					MEMO: line.description,
					PRICE: counted ? formatMinor(Math.abs(line.unitPrice) * signOf(amount) * direction) : '',
					QNTY: counted ? quantityText(Math.abs(line.quantity) * direction) : '',
					INVITEM: mapping.items[line.kind],
					TAXABLE: line.taxable ? 'Y' : 'N'
				})
			);
		}
		for (const rate of invoice.tax.byRate.filter((r) => r.tax !== 0)) {
			lines.push(
				iifLine('SPL', IIF_SPL_COLUMNS, {
					...shared,
					ACCNT: mapping.taxAccount,
					AMOUNT: formatMinor(-rate.tax),
					MEMO: taxDescription(rate),
					PRICE: `${percentText(rate.basisPoints)}%`,
					INVITEM: mapping.taxItem,
					TAXABLE: 'N'
				})
			);
		}
		lines.push('ENDTRNS');
	}
	return lines.map((line) => `${line}\r\n`).join('');
}

// ——— plain CSV ——————————————————————————————————————————————————————————————

export const INVOICE_CSV_HEADERS = [
	'invoice_number',
	'credit_of',
	'customer_id',
	'customer',
	'issued_on',
	'due_on',
	'period_start',
	'period_end',
	'currency',
	'status',
	'line_kind',
	'description',
	'service_date',
	'quantity',
	'unit_price',
	'amount',
	'taxable',
	'tax_rate_percent',
	'invoice_subtotal',
	'invoice_tax',
	'invoice_total'
] as const;

/**
 * Every line of the invoices, one row each, for a spreadsheet or another
 * program: snake_case headers, ISO dates, amounts as "1250.00" with their
 * stored sign, the invoice's subtotal, tax and total repeated on each of its
 * rows (tax is worked out per rate, not per line). Void invoices are kept, with
 * their status. UTF-8 with a byte-order mark and CRLF, like the app's other
 * CSV downloads (export.ts), so Excel opens accented names correctly.
 */
export function invoicesCsv(invoices: readonly Invoice[]): string {
	const rows = invoices.flatMap((invoice) =>
		invoice.lines.map((line) => [
			invoice.number,
			invoice.creditOf ?? '',
			invoice.customerId,
			neutralise(invoice.billTo.name),
			invoice.issuedOn,
			invoice.dueOn,
			invoice.periodStart,
			invoice.periodEnd,
			invoice.currency,
			invoice.status,
			line.kind,
			neutralise(line.description),
			line.serviceDate ?? '',
			quantityText(line.quantity),
			formatMinor(line.unitPrice),
			formatMinor(line.amount),
			line.taxable ? 'true' : 'false',
			percentText(line.taxBasisPoints),
			formatMinor(invoice.tax.subtotal),
			formatMinor(invoice.tax.tax),
			formatMinor(invoice.tax.total)
		])
	);
	return Papa.BYTE_ORDER_MARK + csv(INVOICE_CSV_HEADERS, rows);
}
