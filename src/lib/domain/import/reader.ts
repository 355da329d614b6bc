import type { HeaderMatch } from './headers.js';

/**
 * One data row read by column key. Value parsers report a reason rather than
 * throw; the reader turns it into a message that names the column and the
 * value as the person typed them ("Contact Email 'bob@' is not an email address").
 */

export type Parsed<T> = { value: T } | { reason: string };
export type Parser<T> = (raw: string) => Parsed<T>;

export interface RowReader<K extends string = string> {
	/** what is wrong with the row so far */
	readonly problems: string[];
	/** the trimmed value; null when blank or the file has no such column */
	text(key: K): string | null;
	/** the parsed value; null when blank, or when it does not parse (a problem is recorded) */
	parse<T>(key: K, parser: Parser<T>): T | null;
	/** the column's header, as the file writes it */
	label(key: K): string;
	problem(message: string): void;
}

/** Our export puts an apostrophe before a value Excel would run as a formula (export.ts); read it back without. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** Column positions, worked out once per file. */
export function rowReaderFor(match: HeaderMatch): (fields: string[]) => RowReader {
	const positions = new Map<string, number>();
	match.keys.forEach((key, at) => {
		if (key !== null) positions.set(key, at);
	});
	return (fields) => readRow(fields, positions, match.labels);
}

function readRow(fields: string[], positions: Map<string, number>, labels: Map<string, string>): RowReader {
	const problems: string[] = [];
	const label = (key: string) => labels.get(key) ?? key;
	const text = (key: string) => {
		const at = positions.get(key);
		const value = at === undefined ? '' : fields[at].trim();
		return value === '' ? null : value.replace(ESCAPED_FORMULA, '');
	};
	return {
		problems,
		text,
		label,
		problem: (message) => problems.push(message),
		parse(key, parser) {
			const raw = text(key);
			if (raw === null) return null;
			const parsed = parser(raw);
			if ('value' in parsed) return parsed.value;
			problems.push(`${label(key)} '${raw}' ${parsed.reason}`);
			return null;
		}
	};
}

/** Turns a row into one template's records; import.ts runs it on every row. */
export interface TemplateMapper<T, K extends string = string> {
	/** the row's records; null, or problems on the reader, when it cannot be imported */
	map(row: RowReader<K>): T | null;
	/** the same key for the same record, to find a row repeated within the file */
	key(mapped: T): string;
	/** how a repeated row is named in its message */
	name(mapped: T): string;
}

/** The row's name column; every record needs a name, so a blank one is a problem. */
export function requireName<K extends string>(row: RowReader<K>, key: K, what: string): string | null {
	const name = row.text(key);
	if (name === null) row.problem(`${row.label(key)} is empty; every ${what} needs a name`);
	return name;
}

export function anyValue(values: Record<string, unknown>): boolean {
	return Object.values(values).some((value) => value !== null && value !== undefined);
}
