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

/** Rows of plain values as one COPY CSV. */
export function copyRowsCsv(rows: Iterable<readonly unknown[]>): string {
	let csv = '';
	for (const row of rows) csv += `${row.map((v) => csvField(v)).join(',')}\n`;
	return csv;
}
