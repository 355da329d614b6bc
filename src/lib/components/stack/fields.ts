import type { FieldSpec } from '../customers/fields.js';

/** The fields of vendors and categories, edited in place like a customer's sites. */

export const VENDOR_FIELDS: FieldSpec[] = [
	{ key: 'name', label: 'Vendor name', required: true, autocomplete: 'off', wide: true },
	{ key: 'website', label: 'Website', type: 'url', autocomplete: 'off' },
	{ key: 'phone', label: 'Support phone', type: 'tel', autocomplete: 'off' },
	{ key: 'email', label: 'Email', type: 'email', autocomplete: 'off' },
	{ key: 'accountNumber', label: 'Your account number', autocomplete: 'off' },
	{ key: 'notes', label: 'Notes', autocomplete: 'off', wide: true }
];

export const CATEGORY_FIELDS: FieldSpec[] = [{ key: 'name', label: 'Category name', required: true, autocomplete: 'off', wide: true }];
