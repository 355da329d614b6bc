import { recordChoices, type FieldSpec, type Values } from '../customers/fields.js';

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

/**
 * A deployment on a customer's Stack. Its product is chosen when it is added
 * (from the catalog's live products) and fixed after: another product is
 * another deployment.
 */
export function deploymentFields(products: { id: string; name: string }[] | null, sites: Values[]): FieldSpec[] {
	const product: FieldSpec[] = products
		? [{ key: 'productId', label: 'Product', required: true, wide: true, options: [{ value: '', label: 'Choose a product' }, ...products.map((p) => ({ value: p.id, label: p.name }))] }]
		: [];
	return [
		...product,
		{ key: 'quantity', label: 'Quantity', required: true, inputmode: 'numeric', autocomplete: 'off' },
		{ key: 'since', label: 'Since', type: 'date' },
		{ key: 'siteId', label: 'Site', options: recordChoices(sites, 'Whole customer') },
		{ key: 'notes', label: 'Notes', wide: true, autocomplete: 'off' }
	];
}
