/**
 * Keys that say two names are the same record, so an import finds the
 * customer it already has and a file's repeated rows count once.
 */

const SPACES = /\s+/g;
const COMMAS = /,/g;
const DOTS = /\./g;

/** Letter case, spacing and full-width characters do not make two names different. */
export function nameKey(name: string): string {
	return name.normalize('NFKC').toLowerCase().replace(SPACES, ' ').trim();
}

/** Company-form words written out or abbreviated are the same word. */
const SUFFIXES = new Map([
	['incorporated', 'inc'],
	['limited', 'ltd'],
	['corporation', 'corp'],
	['company', 'co']
]);

/**
 * "Acme, Inc.", "ACME Inc" and "Acme Incorporated" → "acme inc": commas and
 * dots are dropped (so "L.L.C." is "llc") and the company-form suffix is written
 * one way. The suffix itself stays: "Acme" and "Acme Ltd" may be different firms.
 */
export function customerKey(name: string): string {
	const words = nameKey(name.replace(COMMAS, ' ').replace(DOTS, '')).split(' ');
	const last = words.length - 1;
	words[last] = SUFFIXES.get(words[last]) ?? words[last];
	return words.join(' ');
}

/** A contact, location or asset within a file: its customer (null: the one picked for the import) and its own names. */
export function ownedKey(customerName: string | null, ...names: (string | null)[]): string {
	const owner = customerName === null ? '' : customerKey(customerName);
	return [owner, ...names.map((name) => nameKey(name ?? ''))].join('\n');
}
