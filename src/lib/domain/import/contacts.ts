import { ownedKey } from './keys.js';
import { contactFields, validated, type ContactFields } from './records.js';
import { anyValue, requireName, type RowReader, type TemplateMapper } from './reader.js';
import type { ContactKey } from './templates.js';
import { parseEmail, withExtension } from './values.js';

/** ITFlow contacts template rows → contacts of one customer. */

export interface ContactImport {
	/** from a Client column; null: the customer the person importing picked */
	customerName: string | null;
	contact: ContactFields;
	/** the contact's site by name ("Office Location"), for the importer to look up */
	siteName: string | null;
}

type PersonKey = 'contactName' | 'title' | 'email' | 'contactPhone' | 'extension' | 'mobile';

const CONTACT_FIELDS = {
	name: 'contactName',
	title: 'title',
	email: 'email',
	phone: 'contactPhone',
	mobile: 'mobile'
} as const satisfies Partial<Record<keyof ContactFields, PersonKey>>;

/**
 * A contact from the row's person columns (shared with the clients template's
 * primary contact). An optional contact is null when those columns are empty.
 */
export function readContact(row: RowReader<PersonKey>, optional: boolean): ContactFields | null {
	const details = {
		title: row.text('title'),
		email: row.parse('email', parseEmail),
		phone: withExtension(row.text('contactPhone'), row.text('extension')),
		mobile: row.text('mobile')
	};
	if (optional && row.text('contactName') === null && !anyValue(details)) return null;
	const name = requireName(row, 'contactName', 'contact');
	return name === null ? null : validated(contactFields, { name, ...details }, row, CONTACT_FIELDS);
}

export const contactMapper: TemplateMapper<ContactImport, ContactKey> = {
	map(row) {
		const contact = readContact(row, false);
		return contact && { customerName: row.text('customer'), contact, siteName: row.text('site') };
	},
	key: (mapped) => ownedKey(mapped.customerName, mapped.contact.name),
	name: (mapped) => mapped.contact.name
};
