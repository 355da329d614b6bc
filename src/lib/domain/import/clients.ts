import { readContact } from './contacts.js';
import { customerKey } from './keys.js';
import { readSite } from './locations.js';
import { parseAmount } from './money.js';
import { customerFields, validated, type ContactFields, type CustomerFields, type SiteFields } from './records.js';
import { requireName, type RowReader, type TemplateMapper } from './reader.js';
import type { ClientKey } from './templates.js';
import { parsePaymentTerms } from './values.js';

/**
 * ITFlow clients template rows → a customer with its primary site and contact.
 * A names-only file uses the same mapper: its other columns read as empty.
 */

export interface ClientImport {
	customer: CustomerFields;
	/** none when the row's location columns are all empty */
	site: SiteFields | null;
	/** none when the row's contact columns are all empty */
	contact: ContactFields | null;
}

const CUSTOMER_FIELDS = {
	name: 'name',
	industry: 'industry',
	referral: 'referral',
	website: 'website',
	phone: 'phone',
	hourlyRate: 'hourlyRate',
	currency: 'currency',
	paymentTermsDays: 'paymentTerms',
	taxId: 'taxId',
	abbreviation: 'abbreviation'
} as const satisfies Partial<Record<keyof CustomerFields, ClientKey>>;

function readCustomer(row: RowReader<ClientKey>): CustomerFields | null {
	const fields = {
		industry: row.text('industry'),
		referral: row.text('referral'),
		website: row.text('website'),
		// ITFlow keeps the company's number on its primary location
		phone: row.text('phone'),
		// the template has no company email (Contact Email is the contact's)
		email: null,
		hourlyRate: row.parse('hourlyRate', parseAmount),
		currency: row.text('currency')?.toUpperCase(),
		paymentTermsDays: row.parse('paymentTerms', parsePaymentTerms),
		taxId: row.text('taxId'),
		abbreviation: row.text('abbreviation')
	};
	const name = requireName(row, 'name', 'customer');
	return name === null ? null : validated(customerFields, { name, ...fields }, row, CUSTOMER_FIELDS);
}

export const clientMapper: TemplateMapper<ClientImport, ClientKey> = {
	map(row) {
		// read every part, so one pass reports all of a row's problems
		const customer = readCustomer(row);
		const site = readSite(row, true);
		const contact = readContact(row, true);
		return customer && { customer, site, contact };
	},
	key: (mapped) => customerKey(mapped.customer.name),
	name: (mapped) => mapped.customer.name
};
