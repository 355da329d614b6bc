import { importCsv, type ImportResult } from '#lib/domain/import/import.js';
import { TEMPLATES, type TemplateId } from '#lib/domain/import/templates.js';

/** What a person can import, and the CSV templates each reads. */

export type ImportKindId = 'customers' | 'contacts' | 'locations' | 'assets';

export interface ImportKind {
	id: ImportKindId;
	label: string;
	hint: string;
	templates: readonly TemplateId[];
	/** the rows belong to a customer: the file's Client column, or one picked for the whole file */
	perCustomer: boolean;
	/** one row, for counts ("3 contacts") */
	noun: readonly [one: string, many: string];
}

export const IMPORT_KINDS: readonly ImportKind[] = [
	{
		id: 'customers',
		label: 'Customers',
		hint: 'A list of company names, or ITFlow’s client template with each customer’s primary location and contact.',
		templates: ['names', 'itflow-clients'],
		perCustomer: false,
		noun: ['customer', 'customers']
	},
	{
		id: 'contacts',
		label: 'Contacts',
		hint: 'ITFlow’s contacts template or export.',
		templates: ['itflow-contacts'],
		perCustomer: true,
		noun: ['contact', 'contacts']
	},
	{
		id: 'locations',
		label: 'Locations',
		hint: 'ITFlow’s locations template or export: offices and sites.',
		templates: ['itflow-locations'],
		perCustomer: true,
		noun: ['location', 'locations']
	},
	{
		id: 'assets',
		label: 'Assets (devices)',
		hint: 'ITFlow’s assets template or export: workstations, servers, phones and network gear.',
		templates: ['itflow-assets'],
		perCustomer: true,
		noun: ['device', 'devices']
	}
];

export function importKind(id: ImportKindId): ImportKind {
	return IMPORT_KINDS.find((kind) => kind.id === id) ?? IMPORT_KINDS[0];
}

export function plural(kind: ImportKind, count: number): string {
	return `${count} ${kind.noun[count === 1 ? 0 : 1]}`;
}

/** The API's limit on an upload; checked before the file is read, so a huge file fails at once. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function fileProblem(file: { name: string; size: number }): string | null {
	if (file.size > MAX_FILE_BYTES) return `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB: files of up to 10 MB can be imported. Split it into smaller files.`;
	if (file.size === 0) return `${file.name} is empty.`;
	return null;
}

/**
 * Reads the file as what the person chose to import. A file that is exactly
 * another template (a locations file offered as contacts) is refused by name:
 * read leniently as the chosen one, its columns could half-match and import
 * the wrong things. A header that is no template at all is read as the
 * chosen template where there is only one, so extra columns are ignored.
 */
export function readAs(text: string, kind: ImportKind): ImportResult {
	const detected = importCsv(text);
	if (detected.template !== null && kind.templates.includes(detected.template)) return detected;
	if (detected.template !== null) return unreadable(wrongKindMessage(detected.template, kind));
	return kind.templates.length === 1 ? importCsv(text, { template: kind.templates[0] }) : detected;
}

function wrongKindMessage(template: TemplateId, kind: ImportKind): string {
	const other = IMPORT_KINDS.find((k) => k.templates.includes(template));
	const choose = other ? ` Choose “${other.label}” as what to import, or pick another file.` : '';
	return `This file is ${TEMPLATES[template].title}, not ${kind.label.toLowerCase()}.${choose}`;
}

function unreadable(fileError: string): ImportResult {
	return { template: null, rows: [], counts: { rows: 0, ok: 0, error: 0, duplicate: 0 }, ignoredColumns: [], fileError };
}
