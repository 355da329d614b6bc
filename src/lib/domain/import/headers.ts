import { TEMPLATE_IDS, TEMPLATES, type ColumnSpec, type TemplateId, type TemplateSpec } from './templates.js';

/**
 * Which template a file's header row is. Headers match case-insensitively,
 * trimmed, without the '*' marks templates put on required columns.
 */

const MARKS = /^\*+\s*|\s*\*+$/g;
const SPACES = /\s+/g;

/** The header as the person wrote it, minus padding and required-column marks. */
export function cleanHeader(header: string): string {
	return header.trim().replace(MARKS, '').replace(SPACES, ' ');
}

export interface HeaderMatch {
	template: TemplateSpec;
	/** the column key at each position of the file, null where the column is not ours */
	keys: (string | null)[];
	/** every column key → the header to name it by in messages (the file's own where it has one) */
	labels: Map<string, string>;
	/** required columns the file lacks */
	missing: string[];
	/** headers the template does not know */
	unknown: string[];
	/** headers that name a column already seen */
	repeated: string[];
	/** columns present that we do not import */
	ignored: string[];
}

// alias → column, built once per template rather than per file
const lookups = new Map<TemplateSpec, Map<string, ColumnSpec>>();

function lookupOf(template: TemplateSpec): Map<string, ColumnSpec> {
	let lookup = lookups.get(template);
	if (lookup) return lookup;
	lookup = new Map();
	for (const column of template.columns) {
		for (const name of [column.label, ...(column.aliases ?? [])]) lookup.set(name.toLowerCase(), column);
	}
	lookups.set(template, lookup);
	return lookup;
}

function matchHeader(header: string[], template: TemplateSpec): HeaderMatch {
	const lookup = lookupOf(template);
	const labels = new Map(template.columns.map((column) => [column.key, column.label]));
	const match: HeaderMatch = { template, keys: [], labels, missing: [], unknown: [], repeated: [], ignored: [] };
	const seen = new Set<string>();
	for (const raw of header) {
		const name = cleanHeader(raw);
		const column = lookup.get(name.toLowerCase());
		match.keys.push(column ? place(match, seen, column, name) : null);
		if (!column) match.unknown.push(name);
	}
	match.missing = template.columns.filter((c) => !c.optional && !seen.has(c.key)).map((c) => c.label);
	return match;
}

/** Records a recognised header; its key, or null when the column is read no further. */
function place(match: HeaderMatch, seen: Set<string>, column: ColumnSpec, name: string): string | null {
	if (seen.has(column.key)) {
		match.repeated.push(name);
		return null;
	}
	seen.add(column.key);
	match.labels.set(column.key, name);
	if (column.ignored) match.ignored.push(name);
	return column.ignored ? null : column.key;
}

const fits = (match: HeaderMatch) => match.missing.length + match.unknown.length + match.repeated.length === 0;

export type Detection = { ok: true; match: HeaderMatch } | { ok: false; message: string };

/**
 * The template whose columns the header has, exactly. A forced template takes
 * what it can: missing columns read as empty and unknown ones are left out,
 * but it still needs its name column.
 */
export function detectTemplate(header: string[], forced?: TemplateId): Detection {
	if (header.length === 0) return { ok: false, message: 'The file is empty: its first row must name the columns.' };
	if (forced) return forcedMatch(matchHeader(header, TEMPLATES[forced]));
	// in TEMPLATE_IDS order: the first template that fits wins
	const matches = TEMPLATE_IDS.map((id) => matchHeader(header, TEMPLATES[id]));
	const found = matches.find(fits);
	return found ? { ok: true, match: found } : { ok: false, message: noTemplateMessage(closest(matches)) };
}

function forcedMatch(match: HeaderMatch): Detection {
	// every template's first required column is its name
	const nameColumn = match.template.columns.find((c) => !c.optional) as ColumnSpec;
	if (match.repeated.length > 0) return { ok: false, message: repeatedMessage(match) };
	if (!match.keys.includes(nameColumn.key)) {
		return { ok: false, message: `The file has no '${nameColumn.label}' column, which ${match.template.title} needs.` };
	}
	match.ignored.push(...match.unknown);
	return { ok: true, match };
}

function closest(matches: HeaderMatch[]): HeaderMatch {
	const distance = (m: HeaderMatch) => m.missing.length + m.unknown.length + m.repeated.length;
	return matches.reduce((best, m) => (distance(m) < distance(best) ? m : best));
}

const list = (names: string[]) => names.map((name) => `'${name}'`).join(', ');

function repeatedMessage(match: HeaderMatch): string {
	return `These columns appear more than once: ${list(match.repeated)}.`;
}

function noTemplateMessage(match: HeaderMatch): string {
	const { template } = match;
	const expected = template.columns.filter((c) => !c.optional).map((c) => c.label);
	const parts = [
		`The columns of this file do not match a template we can read. The closest is ${template.title}, which has the columns ${list(expected)}.`
	];
	if (match.missing.length > 0) parts.push(`Missing: ${list(match.missing)}.`);
	if (match.unknown.length > 0) parts.push(`Not recognised: ${list(match.unknown)}.`);
	if (match.repeated.length > 0) parts.push(repeatedMessage(match));
	return parts.join(' ');
}
