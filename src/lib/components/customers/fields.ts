import type { HTMLInputAttributes } from 'svelte/elements';
import type { Scalar } from '#lib/domain/documents/shape.js';

/** One field of a customer, site or contact form. */
export interface FieldSpec {
	key: string;
	label: string;
	type?: 'text' | 'email' | 'tel' | 'url' | 'date';
	autocomplete?: HTMLInputAttributes['autocomplete'];
	/** the keyboard a phone shows: "numeric" for a count */
	inputmode?: HTMLInputAttributes['inputmode'];
	/** a select with these choices instead of a text input */
	options?: { value: string; label: string }[];
	required?: boolean;
	/** spans the whole row of the form grid */
	wide?: boolean;
}

export type Values = Record<string, Scalar | undefined>;

export const STATUS_OPTIONS = [
	{ value: 'active', label: 'Active' },
	{ value: 'prospect', label: 'Prospect' },
	{ value: 'inactive', label: 'Inactive' }
];

export const STATUS_BADGE: Record<string, string> = {
	active: 'badge-success',
	prospect: 'badge-accent',
	inactive: ''
};

export const PROFILE_FIELDS: FieldSpec[] = [
	{ key: 'name', label: 'Name', required: true, autocomplete: 'organization', wide: true },
	{ key: 'status', label: 'Status', options: STATUS_OPTIONS },
	{ key: 'industry', label: 'Industry' },
	{ key: 'website', label: 'Website', type: 'url', autocomplete: 'url' },
	{ key: 'phone', label: 'Phone', type: 'tel', autocomplete: 'tel' },
	{ key: 'email', label: 'Email', type: 'email', autocomplete: 'email' }
];

/**
 * The profile with its tax ID and tax region; the region picks among those of
 * the catalog's tax rates (a region no rate names any more stays selectable).
 */
export function profileFields(taxRates: readonly { region: string | null; name: string; rate: string }[], current: unknown): FieldSpec[] {
	const regions = taxRates.flatMap((r) => (r.region ? [{ value: r.region, label: `${r.region} — ${r.name}, ${r.rate}` }] : []));
	const kept = typeof current === 'string' && current && !regions.some((r) => r.value === current) ? [{ value: current, label: `${current} — no tax rate` }] : [];
	return [
		...PROFILE_FIELDS,
		{ key: 'taxId', label: 'Tax ID', autocomplete: 'off' },
		{ key: 'taxRegion', label: 'Tax region', options: [{ value: '', label: 'Default tax rate' }, ...regions, ...kept] }
	];
}

export const SITE_FIELDS: FieldSpec[] = [
	{ key: 'name', label: 'Site name', required: true, wide: true },
	{ key: 'address1', label: 'Address', autocomplete: 'address-line1', wide: true },
	{ key: 'address2', label: 'Address line 2', autocomplete: 'address-line2', wide: true },
	{ key: 'city', label: 'City', autocomplete: 'address-level2' },
	{ key: 'region', label: 'State or region', autocomplete: 'address-level1' },
	{ key: 'postalCode', label: 'Postal code', autocomplete: 'postal-code' },
	{ key: 'country', label: 'Country', autocomplete: 'country-name' },
	{ key: 'phone', label: 'Site phone', type: 'tel', autocomplete: 'tel' },
	{ key: 'hours', label: 'Opening hours' }
];

export const PORTAL_OPTIONS = [
	{ value: 'none', label: 'No portal access' },
	{ value: 'view', label: 'Can view in the portal' }
];

/** Choices of the customer's sites or contacts; deleted ones stay listed, marked, so a record pointing at one still shows it. */
export function recordChoices(records: Values[], none: string): { value: string; label: string }[] {
	return [{ value: '', label: none }, ...records.map((r) => ({ value: String(r.id), label: `${r.name ?? 'Unnamed'}${r.deletedAt ? ' (deleted)' : ''}` }))];
}

/** Contacts pick one of the customer's sites; a deleted site they still point at stays selectable, marked. */
export function contactFields(sites: Values[]): FieldSpec[] {
	return [
		{ key: 'name', label: 'Contact name', required: true, autocomplete: 'off' },
		{ key: 'title', label: 'Job title', autocomplete: 'off' },
		{ key: 'email', label: 'Contact email', type: 'email', autocomplete: 'off' },
		{ key: 'phone', label: 'Contact phone', type: 'tel', autocomplete: 'off' },
		{ key: 'mobile', label: 'Mobile', type: 'tel', autocomplete: 'off' },
		{ key: 'siteId', label: 'Site', options: recordChoices(sites, 'No site') },
		{ key: 'portalAccess', label: 'Portal access', options: PORTAL_OPTIONS }
	];
}

/** The message for a required field left empty, or undefined. */
export function requiredError(spec: FieldSpec, value: string): string | undefined {
	return spec.required && value.trim() === '' ? `${spec.label} is required` : undefined;
}
