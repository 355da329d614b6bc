import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.js';
import { customerKey, nameKey, ownedKey } from './keys.js';
import { deviceType, parseEmail, parsePaymentTerms, splitExtension, withExtension } from './values.js';

describe('dates', () => {
	it.each([
		['2024-03-04', '2024-03-04'],
		['2024-3-4', '2024-03-04'],
		['2024-03-04 00:00:00', '2024-03-04'],
		['12/31/2023', '2023-12-31'],
		['31.12.2023', '2023-12-31'],
		['4.3.2024', '2024-03-04'],
		// slashes with a first number over 12 can only be DD/MM
		['25/12/2024', '2024-12-25'],
		['02/29/2024', '2024-02-29']
	])('%s → %s', (raw, date) => {
		expect(parseDate(raw)).toEqual({ value: date });
	});

	it('reads an ambiguous day and month with slashes as US MM/DD', () => {
		expect(parseDate('03/04/2024')).toEqual({ value: '2024-03-04' });
	});

	it("reads ITFlow's 0000-00-00 as no date", () => {
		expect(parseDate('0000-00-00')).toEqual({ value: null });
	});

	it.each(['2023-02-29', '13/13/2024', '31.04.2024', '2024/03/04', 'March 4', '04-03-24'])('refuses %s', (raw) => {
		expect(parseDate(raw)).toHaveProperty('reason');
	});
});

describe('payment terms', () => {
	it('reads days, "Net" days and "due on receipt"', () => {
		const terms = { '30': 30, 'Net 30': 30, net30: 30, '30 days': 30, 'NET 15 DAYS': 15, 'Due on receipt': 0 };
		for (const [raw, days] of Object.entries(terms)) expect(parsePaymentTerms(raw), raw).toEqual({ value: days });
	});

	it('refuses words and terms over a year', () => {
		expect(parsePaymentTerms('soon')).toEqual({ reason: 'is not a number of days (write it like 30 or Net 30)' });
		expect(parsePaymentTerms('Net 400')).toEqual({ reason: 'is more than 365 days' });
	});
});

describe('emails, phones and device types', () => {
	it('checks email addresses', () => {
		expect(parseEmail('bob@acme.com')).toEqual({ value: 'bob@acme.com' });
		expect(parseEmail('bob@')).toEqual({ reason: 'is not an email address' });
	});

	it('keeps an extension with the phone number, and splits it again', () => {
		expect(withExtension('555 0100', '12')).toBe('555 0100, ext. 12');
		expect(withExtension('555 0100', 'x12')).toBe('555 0100, ext. 12');
		expect(withExtension(null, '12')).toBe('ext. 12');
		expect(withExtension('555 0100', null)).toBe('555 0100');
		expect(splitExtension('555 0100, ext. 12')).toEqual(['555 0100', '12']);
		expect(splitExtension('555 0100')).toEqual(['555 0100', null]);
		expect(splitExtension(undefined)).toEqual([null, null]);
	});

	it.each([
		['Laptop', 'workstation'],
		['Desktop', 'workstation'],
		['Server', 'server'],
		['Virtual Machine', 'server'],
		['Phone', 'mobile'],
		['Tablet', 'mobile'],
		['Firewall/Router', 'network'],
		['Switch', 'network'],
		['Access Point', 'network'],
		['Printer', 'other'],
		[null, 'other']
	])('an asset of type %s is a %s', (raw, type) => {
		expect(deviceType(raw)).toBe(type);
	});
});

describe('keys that find the same customer', () => {
	it('ignores case, spacing, and commas and dots around the company form', () => {
		expect(customerKey('Acme, Inc.')).toBe(customerKey('ACME Inc'));
		expect(customerKey('  Acme   Incorporated ')).toBe('acme inc');
		expect(customerKey('Smith & Co. L.L.C.')).toBe('smith & co llc');
		expect(customerKey('Acme Ltd')).not.toBe(customerKey('Acme'));
	});

	it('keys a contact, location or asset by its customer and names', () => {
		expect(nameKey(' Bob  JONES ')).toBe('bob jones');
		expect(ownedKey('Acme, Inc.', 'Bob')).toBe(ownedKey('acme inc', 'BOB'));
		expect(ownedKey(null, 'Bob')).not.toBe(ownedKey('Acme', 'Bob'));
	});
});
