import { describe, expect, it } from 'vitest';
import { importCsv, type ImportResult, type ImportRow, type MappedByTemplate } from './import.js';

/** The rows of a result read as `template`, failing the test when it was read as something else. */
function rowsOf<K extends keyof MappedByTemplate>(result: ImportResult, template: K): ImportRow<MappedByTemplate[K]>[] {
	if (result.template !== template) throw new Error(`read as ${result.template}: ${result.fileError}`);
	return result.rows as ImportRow<MappedByTemplate[K]>[];
}

const CONTACTS_TEMPLATE =
	'Full Name           ,Job Title           ,Department Name     ,Email Address       ,Office Phone        ,Office Extension    ,Mobile Phone        ,Office Location     ';

describe('importing ITFlow contacts', () => {
	it("reads ITFlow's padded template, for the customer picked for the import", () => {
		const result = importCsv(`${CONTACTS_TEMPLATE}\r\nBob Jones,IT Manager,Finance,bob@acme.example,555 0100,x12,555 0199,Head office\r\n`);
		expect(rowsOf(result, 'itflow-contacts')[0].mapped).toEqual({
			customerName: null,
			siteName: 'Head office',
			contact: { name: 'Bob Jones', title: 'IT Manager', email: 'bob@acme.example', phone: '555 0100, ext. 12', mobile: '555 0199', portalAccess: 'none' }
		});
		expect(result.ignoredColumns).toEqual(['Department Name']);
	});

	it('takes the customer from a Client column, and reports a repeated contact of the same customer', () => {
		const text = 'Client,Name,Title,Email,Phone,Ext,Mobile,Location\nAcme Inc,Bob,,,,,,\nBeta,Bob,,,,,,\n"ACME, Inc",bob,,,,,,\n';
		const rows = rowsOf(importCsv(text), 'itflow-contacts');
		expect(rows.map((row) => [row.status, row.mapped?.customerName])).toEqual([
			['ok', 'Acme Inc'],
			['ok', 'Beta'],
			['duplicate', undefined]
		]);
	});

	it('needs a name and a valid email', () => {
		const rows = rowsOf(importCsv(`${CONTACTS_TEMPLATE}\n,,,,,,,Head office\nAnn,,,ann@,,,,\n`), 'itflow-contacts');
		expect(rows.map((row) => row.errors)).toEqual([
			['row 2: Full Name is empty; every contact needs a name'],
			["row 3: Email Address 'ann@' is not an email address"]
		]);
	});
});

describe('importing ITFlow locations', () => {
	it('maps a location to a site', () => {
		const text = 'Name,Description,Address,City,State,Postal Code,Phone,Hours\nWarehouse,Back lot,"9 Dock Rd\nUnit 4",Springfield,IL,62702,555 0300,Mon–Fri 8–5\n';
		expect(rowsOf(importCsv(text), 'itflow-locations')[0].mapped).toEqual({
			customerName: null,
			site: {
				name: 'Warehouse',
				address1: '9 Dock Rd',
				address2: 'Unit 4',
				city: 'Springfield',
				region: 'IL',
				postalCode: '62702',
				country: null,
				phone: '555 0300',
				hours: 'Mon–Fri 8–5'
			}
		});
	});

	it('needs a name', () => {
		const rows = rowsOf(importCsv('Name,Description,Address,City,State,Postal Code,Phone,Hours\n,,,Springfield,,,,\n'), 'itflow-locations');
		expect(rows[0].errors).toEqual(['row 2: Name is empty; every location needs a name']);
	});
});

const ASSETS_TEMPLATE = 'Name,Description,Type,Make,Model,Serial,OS,Purchase Date,Assigned To,Location,Physical Location,Notes';

describe('importing ITFlow assets', () => {
	it('maps an asset to a device, keeping the contact and site as names to look up', () => {
		const text = `${ASSETS_TEMPLATE}\nFRONT-01,Reception PC,Desktop,Dell,OptiPlex 7010,ABC123,Windows 11,03/04/2024,Bob Jones,Head office,Reception desk,Replaced PSU\n`;
		expect(rowsOf(importCsv(text), 'itflow-assets')[0].mapped).toEqual({
			customerName: null,
			contactName: 'Bob Jones',
			siteName: 'Head office',
			device: {
				name: 'FRONT-01',
				type: 'workstation',
				make: 'Dell',
				model: 'OptiPlex 7010',
				serial: 'ABC123',
				os: 'Windows 11',
				purchaseDate: '2024-03-04',
				warrantyExpiry: null,
				location: 'Reception desk',
				notes: 'Reception PC\n\nReplaced PSU'
			}
		});
	});

	it('reads the purchase date in the usual formats and names a date it cannot read', () => {
		const rows = rowsOf(
			importCsv(`${ASSETS_TEMPLATE}\nA,,Server,,,,,2023-12-31,,,,\nB,,Switch,,,,,31.12.2023,,,,\nC,,Tablet,,,,,12/31/2023,,,,\nD,,Printer,,,,,31/31/2023,,,,\n`),
			'itflow-assets'
		);
		expect(rows.slice(0, 3).map((row) => [row.mapped?.device.type, row.mapped?.device.purchaseDate])).toEqual([
			['server', '2023-12-31'],
			['network', '2023-12-31'],
			['mobile', '2023-12-31']
		]);
		expect(rows[3].errors).toEqual(["row 5: Purchase Date '31/31/2023' is not a date (write it as YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY)"]);
	});

	it("reads ITFlow's assets export, with its warranty date and without its install date", () => {
		const header = 'Name,Description,Type,Make,Model,Serial Number,Operating System,Purchase Date,Warranty Expire,Install Date,Assigned To,Location,Physical Location,Notes';
		const result = importCsv(`${header}\nNAS,,Server,,,,,0000-00-00,2027-01-31,2024-01-05,,,,\n`);
		expect(rowsOf(result, 'itflow-assets')[0].mapped?.device).toMatchObject({ purchaseDate: null, warrantyExpiry: '2027-01-31' });
		expect(result.ignoredColumns).toEqual(['Install Date']);
	});

	it('counts two rows with one name as one asset unless their serials differ', () => {
		const rows = rowsOf(importCsv(`${ASSETS_TEMPLATE}\nPC,,,,,S1,,,,,,\nPC,,,,,S2,,,,,,\npc,,,,,s1,,,,,,\n`), 'itflow-assets');
		expect(rows.map((row) => row.status)).toEqual(['ok', 'ok', 'duplicate']);
	});
});
