import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { creditNote } from './credit-note.js';
import {
	DEFAULT_EXPORT_MAPPING,
	exportMappingFields,
	exportMappingRecord,
	INVOICE_CSV_HEADERS,
	invoicesCsv,
	percentText,
	quantityText,
	quickBooksDesktopIif,
	quickBooksOnlineCsv,
	usDate,
	type ExportMapping
} from './exports.js';
import type { Invoice, InvoiceLine } from './invoice.js';
import { taxSummary } from './tax.js';

const LINES: InvoiceLine[] = [
	// 12 workstations at $40.00, 8.25 %
	{ id: 'l1', kind: 'recurring', sourceKind: 'plan', sourceId: 'A1:2026-12-01', description: 'Managed services, December', serviceDate: '2026-12-01', quantity: 12, unitPrice: 4_000, amount: 48_000, taxable: true, taxBasisPoints: 825 },
	// 1.25 h at $95.00, not taxable; a comma, quotes, HTML and a line break in the description
	{ id: 'l2', kind: 'labour', sourceKind: 'time-entry', sourceId: 'TE1', description: 'T-1042: "firewall" <b>swap</b>, on site\nthen\tremote', serviceDate: '2026-12-03', quantity: 1.25, unitPrice: 9_500, amount: 11_875, taxable: false, taxBasisPoints: 825 },
	// a switch resold in another region, 6 %
	{ id: 'l3', kind: 'product', sourceKind: 'deployment', sourceId: 'D1', description: 'Switch, resold', serviceDate: null, quantity: 1, unitPrice: 3_333, amount: 3_333, taxable: true, taxBasisPoints: 600 }
];

const BASE: Omit<Invoice, 'number' | 'lines' | 'tax' | 'creditOf'> = {
	id: 'inv1',
	customerId: 'C1',
	billTo: { name: 'Acme, "Dental" & Co', email: null, address: [], taxId: null },
	issuedOn: '2026-12-01',
	dueOn: '2026-12-31',
	periodStart: '2026-12-01',
	periodEnd: '2026-12-31',
	currency: 'USD',
	terms: 'Net 30',
	status: 'posted',
	paid: 0,
	credited: 0
};

// 8.25 % of $480.00 = $39.60; 6 % of $33.33 = $1.9998 → $2.00; $632.08 + $41.60 = $673.68
const INVOICE: Invoice = { ...BASE, number: 'INV-2026-00017', creditOf: null, lines: LINES, tax: taxSummary(LINES) };

// $50.00 back on the managed services: 8.25 % = $4.125 → $4.13 back; −$54.13 in all
const credit = creditNote(LINES, [{ lineId: 'l1', amount: 5_000 }]);
const CREDIT_NOTE: Invoice = {
	...BASE,
	id: 'cn1',
	number: 'CN-2026-00003',
	creditOf: 'INV-2026-00017',
	issuedOn: '2026-12-10',
	dueOn: '2026-12-10',
	terms: 'Due on receipt',
	lines: credit.lines.map((l, i) => ({ ...l, id: `c${i}`, kind: 'recurring', sourceKind: 'credit', sourceId: 'l1', serviceDate: null, quantity: 1, unitPrice: -5_000 })),
	tax: credit.summary
};

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const cents = (amount: string) => Math.round(Number(amount) * 100);
const sum = (amounts: string[]) => amounts.reduce((total, a) => total + cents(a), 0);

describe('the export mapping', () => {
	it('takes the default for every field missing, blank or not text', () => {
		expect(exportMappingRecord.parse({})).toEqual(DEFAULT_EXPORT_MAPPING);
		expect(exportMappingRecord.parse({ labourItem: '  ', incomeAccount: 42, location: '' })).toEqual(DEFAULT_EXPORT_MAPPING);
		const mapping = exportMappingRecord.parse({ id: 'exports', labourItem: ' Labor:Remote ', taxItem: 'TX State Tax', location: 'Austin' });
		expect(mapping.items.labour).toBe('Labor:Remote');
		expect(mapping.items.recurring).toBe('Managed Services');
		expect([mapping.taxItem, mapping.location]).toEqual(['TX State Tax', 'Austin']);
	});

	it('goes back to the flat record it was read from', () => {
		const mapping: ExportMapping = { ...DEFAULT_EXPORT_MAPPING, items: { ...DEFAULT_EXPORT_MAPPING.items, block: 'Block Hours' }, location: 'Austin' };
		const fields = exportMappingFields(mapping);
		expect(fields).toMatchObject({ blockItem: 'Block Hours', recurringItem: 'Managed Services', taxAccount: 'Sales Tax Payable', location: 'Austin' });
		expect(exportMappingRecord.parse(fields)).toEqual(mapping);
	});
});

describe('formatting', () => {
	it('writes dates MM/DD/YYYY, quantities with at most two decimals, rates as percentages', () => {
		expect(usDate('2026-01-05')).toBe('01/05/2026');
		expect(() => usDate('5/1/2026')).toThrow(RangeError);
		expect([12, 1.25, 0.5, 1 / 3, -2, 0, 2.999].map(quantityText)).toEqual(['12', '1.25', '0.5', '0.33', '-2', '0', '3']);
		expect([825, 600, 750, 5, 10_000].map(percentText)).toEqual(['8.25', '6', '7.5', '0.05', '100']);
	});
});

describe('QuickBooks Online invoice import', () => {
	const rows = parse(quickBooksOnlineCsv([INVOICE, CREDIT_NOTE], DEFAULT_EXPORT_MAPPING));
	const [header, ...data] = rows;
	const col = (name: string) => header.indexOf(name);
	const of = (number: string) => data.filter((r) => r[0] === number);

	it('has exactly the header QBO maps by itself, and no byte-order mark', () => {
		const text = quickBooksOnlineCsv([INVOICE], DEFAULT_EXPORT_MAPPING);
		expect(text.split('\r\n')[0]).toBe('*InvoiceNo,*Customer,*InvoiceDate,*DueDate,Terms,Location,Memo,Item(Product/Service),ItemDescription,ItemQuantity,ItemRate,*ItemAmount,Service Date');
		expect(rows.every((r) => r.length === 13)).toBe(true);
	});

	it('writes a row per line and one per tax rate, the invoice repeated on each, coming to the total to the cent', () => {
		const invoice = of('INV-2026-00017');
		expect(invoice).toEqual([
			['INV-2026-00017', 'Acme, "Dental" & Co', '12/01/2026', '12/31/2026', 'Net 30', '', 'Service period 12/01/2026 to 12/31/2026', 'Managed Services', 'Managed services, December', '12', '40.00', '480.00', '12/01/2026'],
			['INV-2026-00017', 'Acme, "Dental" & Co', '12/01/2026', '12/31/2026', 'Net 30', '', 'Service period 12/01/2026 to 12/31/2026', 'Labor', LINES[1].description, '1.25', '95.00', '118.75', '12/03/2026'],
			['INV-2026-00017', 'Acme, "Dental" & Co', '12/01/2026', '12/31/2026', 'Net 30', '', 'Service period 12/01/2026 to 12/31/2026', 'Hardware & Software', 'Switch, resold', '1', '33.33', '33.33', ''],
			['INV-2026-00017', 'Acme, "Dental" & Co', '12/01/2026', '12/31/2026', 'Net 30', '', 'Service period 12/01/2026 to 12/31/2026', 'Sales Tax', 'Tax 8.25% on 480.00', '', '', '39.60', ''],
			['INV-2026-00017', 'Acme, "Dental" & Co', '12/01/2026', '12/31/2026', 'Net 30', '', 'Service period 12/01/2026 to 12/31/2026', 'Sales Tax', 'Tax 6% on 33.33', '', '', '2.00', '']
		]);
		// $480.00 + $118.75 + $33.33 + $39.60 + $2.00 = $673.68
		expect(sum(invoice.map((r) => r[col('*ItemAmount')]))).toBe(67_368);
		expect(INVOICE.tax.total).toBe(67_368);
	});

	it('writes a credit note with negative amounts and a memo naming the invoice', () => {
		const note = of('CN-2026-00003');
		expect(note.map((r) => [r[col('Memo')], r[col('Item(Product/Service)')], r[col('ItemQuantity')], r[col('ItemRate')], r[col('*ItemAmount')]])).toEqual([
			['Credit note for INV-2026-00017', 'Managed Services', '1', '-50.00', '-50.00'],
			['Credit note for INV-2026-00017', 'Sales Tax', '', '', '-4.13']
		]);
		expect(note[0].slice(2, 5)).toEqual(['12/10/2026', '12/10/2026', 'Due on receipt']);
		expect(sum(note.map((r) => r[col('*ItemAmount')]))).toBe(-5_413);
	});

	it('takes the items and the location from the mapping, and leaves void invoices out', () => {
		const mapping = { ...DEFAULT_EXPORT_MAPPING, items: { ...DEFAULT_EXPORT_MAPPING.items, recurring: 'MSP:Managed' }, location: 'Austin' };
		const [, first] = parse(quickBooksOnlineCsv([INVOICE, { ...INVOICE, number: 'INV-2026-00018', status: 'void' }], mapping));
		expect([first[col('Location')], first[col('Item(Product/Service)')]]).toEqual(['Austin', 'MSP:Managed']);
		expect(parse(quickBooksOnlineCsv([INVOICE, { ...INVOICE, number: 'INV-2026-00018', status: 'void' }], mapping)).filter((r) => r[0] === 'INV-2026-00018')).toEqual([]);
	});

	it('refuses an invoice whose stored totals are not its lines', () => {
		const wrong = { ...INVOICE, tax: { ...INVOICE.tax, total: INVOICE.tax.total + 1 } };
		expect(() => quickBooksOnlineCsv([wrong], DEFAULT_EXPORT_MAPPING)).toThrow('INV-2026-00017: its subtotal and tax come to 673.68, not its total 673.69');
	});
});

describe('QuickBooks Desktop IIF', () => {
	const text = quickBooksDesktopIif([INVOICE, CREDIT_NOTE], DEFAULT_EXPORT_MAPPING);
	const lines = text.split('\r\n');
	const cells = lines.map((line) => line.split('\t'));
	const headers = Object.fromEntries(cells.filter((c) => c[0].startsWith('!')).map((c) => [c[0].slice(1), c.slice(1)]));
	const field = (row: string[], name: string) => row[headers[row[0]].indexOf(name) + 1];
	/** the transactions: each a TRNS, its SPLs, up to ENDTRNS */
	const transactions = lines
		.slice(3)
		.join('\r\n')
		.split('ENDTRNS\r\n')
		.filter(Boolean)
		.map((block) => block.split('\r\n').filter(Boolean).map((line) => line.split('\t')));

	it('opens with the three header lines, ends every line with CRLF, and has no stray tab or line break', () => {
		expect(lines.slice(0, 3)).toEqual([
			'!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tNAME\tCLASS\tAMOUNT\tDOCNUM\tMEMO\tDUEDATE\tTERMS',
			'!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT\tNAME\tCLASS\tAMOUNT\tDOCNUM\tMEMO\tPRICE\tQNTY\tINVITEM\tTAXABLE',
			'!ENDTRNS'
		]);
		expect(text.endsWith('ENDTRNS\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const row of cells.filter((c) => c[0] === 'TRNS' || c[0] === 'SPL')) expect(row.length).toBe(headers[row[0]].length + 1);
		expect(transactions).toHaveLength(2);
	});

	it('writes an invoice as TRNS (+total to receivables) and SPLs (−amounts to income and tax) that sum to exactly zero', () => {
		const [trns, ...spl] = transactions[0];
		expect(trns).toEqual(['TRNS', '', 'INVOICE', '12/01/2026', 'Accounts Receivable', 'Acme, "Dental" & Co', '', '673.68', 'INV-2026-00017', 'Service period 12/01/2026 to 12/31/2026', '12/31/2026', 'Net 30']);
		expect(spl).toEqual([
			['SPL', '', 'INVOICE', '12/01/2026', 'Services Income', '', '', '-480.00', 'INV-2026-00017', 'Managed services, December', '40.00', '-12', 'Managed Services', 'Y'],
			// the tab and the line break in the description became spaces
			['SPL', '', 'INVOICE', '12/01/2026', 'Services Income', '', '', '-118.75', 'INV-2026-00017', 'T-1042: "firewall" <b>swap</b>, on site then remote', '95.00', '-1.25', 'Labor', 'N'],
			['SPL', '', 'INVOICE', '12/01/2026', 'Services Income', '', '', '-33.33', 'INV-2026-00017', 'Switch, resold', '33.33', '-1', 'Hardware & Software', 'Y'],
			['SPL', '', 'INVOICE', '12/01/2026', 'Sales Tax Payable', '', '', '-39.60', 'INV-2026-00017', 'Tax 8.25% on 480.00', '8.25%', '', 'Sales Tax', 'N'],
			['SPL', '', 'INVOICE', '12/01/2026', 'Sales Tax Payable', '', '', '-2.00', 'INV-2026-00017', 'Tax 6% on 33.33', '6%', '', 'Sales Tax', 'N']
		]);
		// 673.68 − 480.00 − 118.75 − 33.33 − 39.60 − 2.00 = 0
		expect(sum(transactions[0].map((row) => field(row, 'AMOUNT')))).toBe(0);
		// QNTY × PRICE is each item line's AMOUNT
		for (const row of spl.slice(0, 3)) expect(Math.round(Number(field(row, 'QNTY')) * cents(field(row, 'PRICE')))).toBe(cents(field(row, 'AMOUNT')));
	});

	it('writes a credit note as a CREDIT MEMO with the signs flipped, still summing to zero', () => {
		const [trns, ...spl] = transactions[1];
		expect([field(trns, 'TRNSTYPE'), field(trns, 'AMOUNT'), field(trns, 'MEMO'), field(trns, 'DOCNUM')]).toEqual(['CREDIT MEMO', '-54.13', 'Credit note for INV-2026-00017', 'CN-2026-00003']);
		expect(spl.map((row) => [field(row, 'TRNSTYPE'), field(row, 'ACCNT'), field(row, 'AMOUNT'), field(row, 'QNTY'), field(row, 'PRICE')])).toEqual([
			['CREDIT MEMO', 'Services Income', '50.00', '1', '50.00'],
			['CREDIT MEMO', 'Sales Tax Payable', '4.13', '', '8.25%']
		]);
		expect(sum(transactions[1].map((row) => field(row, 'AMOUNT')))).toBe(0);
	});

	it('balances to the cent on many invoices with awkward amounts', () => {
		const many = Array.from({ length: 40 }, (_, i): Invoice => {
			const lines = LINES.map((line, j) => ({ ...line, amount: line.amount + i * 37 + j * 11, taxBasisPoints: [825, 600, 0, 1_025][(i + j) % 4] }));
			return { ...INVOICE, number: `INV-2026-${String(100 + i).padStart(5, '0')}`, lines, tax: taxSummary(lines) };
		});
		const blocks = quickBooksDesktopIif(many, DEFAULT_EXPORT_MAPPING).split('\r\n').slice(3).join('\r\n').split('ENDTRNS\r\n').filter(Boolean);
		expect(blocks).toHaveLength(40);
		blocks.forEach((block, i) => {
			const rows = block.split('\r\n').filter(Boolean).map((line) => line.split('\t'));
			expect(rows[0][7]).toBe((many[i].tax.total / 100).toFixed(2));
			expect(sum(rows.map((row) => row[7]))).toBe(0);
		});
	});
});

describe('the plain CSV', () => {
	const [header, ...data] = parse(invoicesCsv([INVOICE, CREDIT_NOTE, { ...INVOICE, number: 'INV-2026-00018', status: 'void' }]));
	const col = (name: string) => header.indexOf(name);

	it('has a snake_case header and a row per line, void invoices kept with their status', () => {
		expect(header).toEqual([...INVOICE_CSV_HEADERS]);
		expect(header.every((h) => /^[a-z]+(_[a-z]+)*$/.test(h))).toBe(true);
		expect(data.map((r) => [r[col('invoice_number')], r[col('status')], r[col('line_kind')]])).toEqual([
			['INV-2026-00017', 'posted', 'recurring'],
			['INV-2026-00017', 'posted', 'labour'],
			['INV-2026-00017', 'posted', 'product'],
			['CN-2026-00003', 'posted', 'recurring'],
			['INV-2026-00018', 'void', 'recurring'],
			['INV-2026-00018', 'void', 'labour'],
			['INV-2026-00018', 'void', 'product']
		]);
	});

	it('writes the fields of a line as stored, with the invoice totals beside', () => {
		expect(Object.fromEntries(header.map((h, i) => [h, data[1][i]]))).toEqual({
			invoice_number: 'INV-2026-00017',
			credit_of: '',
			customer_id: 'C1',
			customer: 'Acme, "Dental" & Co',
			issued_on: '2026-12-01',
			due_on: '2026-12-31',
			period_start: '2026-12-01',
			period_end: '2026-12-31',
			currency: 'USD',
			status: 'posted',
			line_kind: 'labour',
			description: LINES[1].description,
			service_date: '2026-12-03',
			quantity: '1.25',
			unit_price: '95.00',
			amount: '118.75',
			taxable: 'false',
			tax_rate_percent: '8.25',
			invoice_subtotal: '632.08',
			invoice_tax: '41.60',
			invoice_total: '673.68'
		});
		const note = data.filter((r) => r[col('invoice_number')] === 'CN-2026-00003');
		expect(note.map((r) => [r[col('credit_of')], r[col('quantity')], r[col('unit_price')], r[col('amount')], r[col('invoice_total')]])).toEqual([
			['INV-2026-00017', '1', '-50.00', '-50.00', '-54.13']
		]);
		// the lines come to the subtotal, and subtotal + tax to the total, to the cent
		const invoice = data.filter((r) => r[col('invoice_number')] === 'INV-2026-00017');
		expect(sum(invoice.map((r) => r[col('amount')]))).toBe(cents(invoice[0][col('invoice_subtotal')]));
		expect(cents(invoice[0][col('invoice_subtotal')]) + cents(invoice[0][col('invoice_tax')])).toBe(cents(invoice[0][col('invoice_total')]));
	});

	it('starts with a byte-order mark and ends lines with CRLF', () => {
		const text = invoicesCsv([INVOICE]);
		expect(text.startsWith('\ufeffinvoice_number,credit_of,')).toBe(true);
		expect(text.split('\r\n')).toHaveLength(4);
	});
});

describe('CSV injection and awkward text', () => {
	const hostile: Invoice = {
		...INVOICE,
		billTo: { ...INVOICE.billTo, name: '=HYPERLINK("http://evil.example","Pay here")' },
		lines: [
			{ ...LINES[0], description: '+SUM(1+1)' },
			{ ...LINES[1], description: "-2+3+cmd|' /C calc'!A0" },
			{ ...LINES[2], description: '@SUM(A1:A9)' }
		]
	};
	const mapping = { ...DEFAULT_EXPORT_MAPPING, items: { ...DEFAULT_EXPORT_MAPPING.items, recurring: '=Managed' } };

	it('puts an apostrophe before a customer name, description or item that starts like a formula, in both CSVs', () => {
		const [qboHeader, ...qbo] = parse(quickBooksOnlineCsv([hostile], mapping));
		const q = (name: string) => qboHeader.indexOf(name);
		expect(qbo[0][q('*Customer')]).toBe(`'=HYPERLINK("http://evil.example","Pay here")`);
		expect(qbo.slice(0, 3).map((r) => r[q('ItemDescription')])).toEqual(["'+SUM(1+1)", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1:A9)"]);
		expect(qbo[0][q('Item(Product/Service)')]).toBe("'=Managed");

		const [plainHeader, ...plain] = parse(invoicesCsv([hostile]));
		const p = (name: string) => plainHeader.indexOf(name);
		expect(plain[0][p('customer')]).toBe(`'=HYPERLINK("http://evil.example","Pay here")`);
		expect(plain.map((r) => r[p('description')])).toEqual(["'+SUM(1+1)", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1:A9)"]);
	});

	it('leaves the amounts it writes alone: a negative amount keeps its minus sign', () => {
		const [qboHeader, ...qbo] = parse(quickBooksOnlineCsv([CREDIT_NOTE], DEFAULT_EXPORT_MAPPING));
		expect(qbo.map((r) => r[qboHeader.indexOf('*ItemAmount')])).toEqual(['-50.00', '-4.13']);
	});

	it('round-trips HTML, quotes, commas, line breaks and accents through Papa.parse unchanged', () => {
		const awkward = 'Café <script>alert("x")</script>, "quoted", 50%\r\nsecond line\n third, ';
		const invoice: Invoice = { ...INVOICE, billTo: { ...INVOICE.billTo, name: 'Müller & Söhne, "GmbH"' }, lines: [{ ...LINES[1], description: awkward }], tax: taxSummary([LINES[1]]) };
		const [qboHeader, qbo] = parse(quickBooksOnlineCsv([invoice], DEFAULT_EXPORT_MAPPING));
		expect([qbo[qboHeader.indexOf('*Customer')], qbo[qboHeader.indexOf('ItemDescription')]]).toEqual(['Müller & Söhne, "GmbH"', awkward]);
		const [plainHeader, plain] = parse(invoicesCsv([invoice]));
		expect([plain[plainHeader.indexOf('customer')], plain[plainHeader.indexOf('description')]]).toEqual(['Müller & Söhne, "GmbH"', awkward]);
	});
});
