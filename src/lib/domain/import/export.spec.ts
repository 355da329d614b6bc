import { describe, expect, it } from 'vitest';
import { asDate, toCsv, type Column } from './export.js';
import {
	CONTACT_EXPORT_COLUMNS,
	CONTRACT_EXPORT_COLUMNS,
	CUSTOMER_EXPORT_COLUMNS,
	STACK_EXPORT_COLUMNS,
	type ContractExportRow,
	type CustomerExportRow
} from './export-columns.js';
import { importCsv } from './import.js';
import { CLIENT_COLUMNS } from './templates.js';

const lines = (csv: string) => csv.slice(1).split('\r\n');

describe('writing CSV', () => {
	it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
		const columns: Column<{ name: string; notes: string | null }>[] = [
			['Name', 'name'],
			['Notes', (row) => row.notes?.toUpperCase()]
		];
		const csv = toCsv([{ name: 'Acme, Inc.', notes: 'said "hi"\nthen left' }, { name: 'Zoë', notes: null }], columns);
		expect(csv.startsWith('\ufeffName,Notes\r\n')).toBe(true);
		expect(lines(csv).slice(1)).toEqual(['"Acme, Inc.","SAID ""HI""\nTHEN LEFT"', 'Zoë,']);
	});

	it('puts an apostrophe before a formula, but not before a phone number or a negative amount', () => {
		const columns: Column<{ value: string }>[] = [['Value', 'value']];
		const csv = toCsv([{ value: '=HYPERLINK("x")' }, { value: '+SUM(A1)' }, { value: '@cmd' }, { value: '+1 (555) 010-2000' }, { value: '-12.50' }], columns);
		expect(lines(csv).slice(1)).toEqual(['"\'=HYPERLINK(""x"")"', '"\'+SUM(A1)"', '"\'@cmd"', '+1 (555) 010-2000', '-12.50']);
	});

	it('writes dates as YYYY-MM-DD whether they come as text, an instant or a Date', () => {
		expect(asDate('2024-03-04')).toBe('2024-03-04');
		expect(asDate('2024-03-04T10:00:00.000Z')).toBe('2024-03-04');
		expect(asDate(new Date(2024, 2, 4))).toBe('2024-03-04');
		expect(asDate(null)).toBe('');
	});
});

const ACME: CustomerExportRow = {
	customer: {
		name: 'Acme, Inc.',
		industry: 'Manufacturing',
		referral: null,
		website: 'acme.example',
		phone: '+1 555 0100',
		hourlyRate: '125050',
		currency: 'USD',
		paymentTermsDays: 30,
		taxId: 'US-123',
		abbreviation: 'ACME'
	},
	site: { name: 'Head office', address1: '1 Main St', address2: 'Suite 2', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', phone: '+1 555 0100' },
	contact: { name: 'Wile E. Coyote', title: 'Owner', email: 'wile@acme.example', phone: '+1 555 0101, ext. 12', mobile: null }
};

const BETA: CustomerExportRow = { customer: { name: '=Beta "Labs"', hourlyRate: null } };

describe('exporting customers in the ITFlow clients layout', () => {
	it("writes the template's 22 columns, money as an amount and the extension apart", () => {
		const [header, acme] = lines(toCsv([ACME], CUSTOMER_EXPORT_COLUMNS));
		expect(header).toBe(CLIENT_COLUMNS.map((column) => column.label).join(','));
		expect(acme).toBe(
			'"Acme, Inc.",Manufacturing,,acme.example,Head office,+1 555 0100,"1 Main St\nSuite 2",Springfield,IL,62701,US,Wile E. Coyote,Owner,+1 555 0101,12,,wile@acme.example,1250.50,USD,30,US-123,ACME'
		);
	});

	it('imports again as the same customers, sites and contacts', () => {
		const result = importCsv(toCsv([ACME, BETA], CUSTOMER_EXPORT_COLUMNS));
		if (result.template !== 'itflow-clients') throw new Error(`read as ${result.template}`);
		const [acme, beta] = result.rows.map((row) => row.mapped);
		expect(acme).toEqual({
			customer: { ...ACME.customer, hourlyRate: 125050, status: 'active', email: null, classification: null, leadTechId: null, taxRegion: null },
			site: { ...ACME.site, hours: null },
			contact: { ...ACME.contact, portalAccess: 'none' }
		});
		expect(beta?.customer.name).toBe('=Beta "Labs"');
		expect(beta).toMatchObject({ site: null, contact: null });
	});
});

describe('the other exports', () => {
	it('writes contacts so they import again under their customer', () => {
		const contact = { customerName: 'Acme', name: 'Bob', title: null, email: 'bob@acme.example', phone: '555 0100, ext. 7', mobile: null, siteName: 'HQ' };
		const csv = toCsv([contact], CONTACT_EXPORT_COLUMNS);
		expect(lines(csv)).toEqual(['Client,Full Name,Job Title,Email Address,Office Phone,Office Extension,Mobile Phone,Office Location', 'Acme,Bob,,bob@acme.example,555 0100,7,,HQ']);
		const [row] = importCsv(csv).rows;
		expect(row.mapped).toMatchObject({ customerName: 'Acme', siteName: 'HQ', contact: { name: 'Bob', phone: '555 0100, ext. 7' } });
	});

	it('writes the stack with its monthly value', () => {
		const deployment = { customerName: 'Acme', productName: 'EDR', vendorName: 'Sentinel', categoryName: 'Cyber Security', quantity: 25, since: '2024-01-01', unitPrice: '450' };
		expect(lines(toCsv([deployment], STACK_EXPORT_COLUMNS))).toEqual([
			'Customer,Product,Vendor,Category,Quantity,Since,Unit price,Monthly value',
			'Acme,EDR,Sentinel,Cyber Security,25,2024-01-01,4.50,112.50'
		]);
	});

	it('writes contracts with the notice deadline given', () => {
		const agreement: ContractExportRow = {
			customerName: 'Acme',
			name: 'Managed services',
			party: 'msp',
			type: 'recurring',
			start: '2024-01-01',
			renewalDate: '2025-01-01',
			noticeDays: 90,
			noticeDeadline: '2024-10-03',
			amountPerPeriod: 250000,
			period: 'monthly',
			autoRenew: true
		};
		const vendorContract: ContractExportRow = { vendorName: 'Sentinel', name: 'EDR reseller', noticeDays: null, amountPerPeriod: null, autoRenew: false };
		expect(lines(toCsv([agreement, vendorContract], CONTRACT_EXPORT_COLUMNS))).toEqual([
			'Customer or vendor,Name,Party,Type,Start,Renewal date,Notice days,Notice deadline,Amount per period,Period,Auto-renew',
			'Acme,Managed services,MSP agreement,recurring,2024-01-01,2025-01-01,90,2024-10-03,2500.00,monthly,Yes',
			'Sentinel,EDR reseller,Vendor contract,,,,,,,,No'
		]);
	});
});
