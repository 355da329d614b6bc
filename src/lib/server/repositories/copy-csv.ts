/**
 * COPY's CSV, which bulk loads take (`Db.copyCsv`): NULL is an empty unquoted
 * field, so every value is quoted; an array column takes its text form
 * `{"a","b"}` as one field, a jsonb column takes JSON.
 */

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
const arrayLiteral = (items: unknown[]) => `{${items.map((item) => `"${String(item).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

export function csvField(value: unknown, type?: string): string {
	if (value === undefined || value === null) return '';
	if (type === 'jsonb') return quoted(JSON.stringify(value));
	return quoted(Array.isArray(value) ? arrayLiteral(value) : String(value));
}

// numbers and flags never need quotes; text only when it holds a separator, a quote or a line break, or is empty (else NULL)
const NEEDS_QUOTES = /[",\r\n]/;
function plainField(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const text = String(value);
	return text === '' || NEEDS_QUOTES.test(text) ? quoted(text) : text;
}

/**
 * Rows of plain values (text, numbers, flags, null) as COPY CSV, quoted only
 * where CSV needs it, in chunks of `rows` rows made as the COPY asks for them:
 * the database parses one while the next is made.
 */
export function* copyRowsChunks(rows: Iterable<readonly unknown[]>, chunkRows = 2_000): Generator<string> {
	let csv = '';
	let count = 0;
	for (const row of rows) {
		let line = plainField(row[0]);
		for (let i = 1; i < row.length; i++) line += `,${plainField(row[i])}`;
		csv += `${line}\n`;
		if (++count === chunkRows) {
			yield csv;
			[csv, count] = ['', 0];
		}
	}
	if (csv) yield csv;
}

/** The same, whole. */
export const copyRowsCsv = (rows: Iterable<readonly unknown[]>): string => [...copyRowsChunks(rows)].join('');
