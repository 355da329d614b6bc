import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importCsv, type ImportResult } from './import.js';
import { CLIENT_COLUMNS } from './templates.js';

const HEADER = CLIENT_COLUMNS.map((column) => column.label);

/** One line of the clients template; the columns not given are empty. */
function clientLine(values: Record<string, string>): string {
	return Papa.unparse([HEADER.map((label) => values[label] ?? '')]);
}

const clientsFile = (...lines: string[]) => [HEADER.join(','), ...lines].join('\r\n');

function clients(result: ImportResult) {
	if (result.template !== 'itflow-clients' && result.template !== 'names') throw new Error(`read as ${result.template}`);
	return result.rows;
}

const ACME = {
	'Client Name': 'Acme, Inc.',
	Industry: 'Manufacturing',
	Referral: 'Trade show',
	Website: 'https://acme.example',
	'Primary Location Name': 'Head office',
	'Location Phone': '+1 555 0100',
	'Location Address': '1 Main St',
	City: 'Springfield',
	State: 'IL',
	'Postal Code': '62701',
	Country: 'United States',
	'Primary Contact Name': 'Wile E. Coyote',
	Title: 'Owner',
	'Contact Phone': '+1 555 0101',
	Extension: '12',
	'Contact Mobile': '+1 555 0102',
	'Contact Email': 'wile@acme.example',
	'Hourly Rate': '$1,250.00',
	Currency: 'usd',
	'Payment Terms': 'Net 30',
	'Tax ID': 'US-123',
	Abbreviation: 'ACME'
};

describe('importing the ITFlow clients template', () => {
	it('maps a row to a customer with its primary site and contact', () => {
		const [row] = clients(importCsv(clientsFile(clientLine(ACME))));
		expect(row).toEqual({
			line: 2,
			status: 'ok',
			errors: [],
			mapped: {
				customer: {
					name: 'Acme, Inc.',
					status: 'active',
					industry: 'Manufacturing',
					referral: 'Trade show',
					website: 'https://acme.example',
					phone: '+1 555 0100',
					email: null,
					hourlyRate: 125000,
					currency: 'USD',
					paymentTermsDays: 30,
					taxId: 'US-123',
					taxRegion: null,
					abbreviation: 'ACME',
					classification: null,
					leadTechId: null
				},
				site: {
					name: 'Head office',
					address1: '1 Main St',
					address2: null,
					city: 'Springfield',
					region: 'IL',
					postalCode: '62701',
					country: 'United States',
					phone: '+1 555 0100',
					hours: null
				},
				contact: {
					name: 'Wile E. Coyote',
					title: 'Owner',
					email: 'wile@acme.example',
					phone: '+1 555 0101, ext. 12',
					mobile: '+1 555 0102',
					portalAccess: 'none'
				}
			}
		});
	});

	it('names an unnamed site "Main", and makes no site or contact from empty columns', () => {
		const [addressOnly, bare] = clients(
			importCsv(clientsFile(clientLine({ 'Client Name': 'Beta', City: 'Shelbyville' }), clientLine({ 'Client Name': 'Gamma' })))
		);
		expect(addressOnly.mapped?.site).toMatchObject({ name: 'Main', city: 'Shelbyville' });
		expect(addressOnly.mapped?.contact).toBeNull();
		expect(bare.mapped).toMatchObject({ site: null, contact: null });
	});

	it('reads a file with a BOM, CRLF, quoted commas and empty rows, and reports malformed rows by line', () => {
		const text = [
			'\ufeff' + HEADER.join(','),
			'"Acme, Inc.",,,,,,"1 Main St, Suite 2",,,,,,,,,,,,,,,',
			'',
			',,,,,,,,,,,,,,,,,,,,,',
			'Beta,,,,,,,,,,,,,,,,,,,,,,,extra',
			'Gamma,,,,,,,,,,,,,,,,,,,,,',
			'"Delta,,,,,,,,,,,,,,,,,,,,,'
		].join('\r\n');
		const rows = clients(importCsv(text));
		expect(rows.map(({ line, status }) => [line, status])).toEqual([
			[2, 'ok'],
			[5, 'error'],
			[6, 'ok'],
			[7, 'error']
		]);
		expect(rows[0].mapped?.site?.address1).toBe('1 Main St, Suite 2');
		expect(rows[1].errors).toEqual(['row 5 has 24 values but the header has 22 columns (a value that contains a comma needs quotes around it)']);
		expect(rows[3].errors[0]).toMatch(/^row 7 has a quote mark \("\) that is never closed/);
	});

	it('skips a row with a bad email and imports the rest', () => {
		const result = importCsv(
			clientsFile(clientLine(ACME), clientLine({ 'Client Name': 'Bob Ltd', 'Primary Contact Name': 'Bob', 'Contact Email': 'bob@' }), clientLine({ 'Client Name': 'Carol' }))
		);
		expect(clients(result)[1]).toEqual({ line: 3, status: 'error', errors: ["row 3: Contact Email 'bob@' is not an email address"] });
		expect(result.counts).toEqual({ rows: 3, ok: 2, error: 1, duplicate: 0 });
	});

	it('names the column and the value of every problem in a row', () => {
		const row = clientLine({ Industry: 'IT', 'Hourly Rate': '1,250', Currency: 'dollars', 'Payment Terms': 'soon', 'Contact Email': 'x@y.example' });
		expect(clients(importCsv(clientsFile(row)))[0].errors).toEqual([
			"row 2: Hourly Rate '1,250' is ambiguous: write it with a decimal point and no thousands separator, e.g. 1250.00",
			"row 2: Payment Terms 'soon' is not a number of days (write it like 30 or Net 30)",
			'row 2: Client Name is empty; every customer needs a name',
			'row 2: Primary Contact Name is empty; every contact needs a name'
		]);
		const currency = clients(importCsv(clientsFile(clientLine({ 'Client Name': 'A', Currency: 'dollars' }))))[0];
		expect(currency.errors).toEqual(["row 2: Currency 'dollars' is not valid: a currency is three capital letters (ISO 4217)"]);
	});

	it.each([
		['125', 12500],
		['125.50', 12550],
		['$1,250.00', 125000],
		['', null]
	])('reads an hourly rate of %j as %j minor units', (rate, minor) => {
		const [row] = clients(importCsv(clientsFile(clientLine({ 'Client Name': 'A', 'Hourly Rate': rate }))));
		expect(row.mapped?.customer.hourlyRate).toBe(minor);
	});

	it('keeps the first of rows for the same customer and reports the others', () => {
		const result = importCsv(clientsFile(clientLine(ACME), clientLine({ 'Client Name': 'ACME Inc' }), clientLine({ 'Client Name': 'acme,  inc' })));
		expect(clients(result).map((row) => row.status)).toEqual(['ok', 'duplicate', 'duplicate']);
		expect(clients(result)[1]).toEqual({
			line: 3,
			status: 'duplicate',
			errors: ["row 3: 'ACME Inc' is already on row 2 of this file, so this row is left out"]
		});
		expect(result.counts).toEqual({ rows: 3, ok: 1, error: 0, duplicate: 2 });
	});
});

describe('importing a list of names', () => {
	it('makes one customer a row, under any usual header', () => {
		const result = importCsv('\ufeffCompany Name\r\n"Acme, Inc."\r\n\r\n"Beta, LLC"\r\nACME Inc.\r\n');
		expect(result.template).toBe('names');
		expect(clients(result).map((row) => [row.line, row.status, row.mapped?.customer.name])).toEqual([
			[2, 'ok', 'Acme, Inc.'],
			[4, 'ok', 'Beta, LLC'],
			[5, 'duplicate', undefined]
		]);
		expect(clients(result)[0].mapped).toMatchObject({ site: null, contact: null, customer: { hourlyRate: null, currency: null } });
	});

	it('reads an unmarked file as names when told to', () => {
		const result = importCsv('Organisation,Phone\nAcme,555\n', { template: 'names' });
		expect(clients(result)[0].mapped?.customer).toMatchObject({ name: 'Acme', phone: null });
		expect(result.ignoredColumns).toEqual(['Phone']);
	});
});

describe('a file that cannot be read', () => {
	it('explains which columns were expected', () => {
		const result = importCsv('Firma,Ort\nAcme,Springfield\n');
		expect(result.template).toBeNull();
		expect(result.fileError).toContain("Not recognised: 'Firma', 'Ort'.");
		expect(result.rows).toEqual([]);
	});

	it('explains a header row that cannot be read', () => {
		expect(importCsv('"Name\nAcme').fileError).toMatch(/^The first row \(the column names\) has a quote mark/);
	});
});
