import Papa from 'papaparse';

/**
 * Reads CSV text into a header and data rows, each with the 1-based line it
 * starts on (line 1 is the header), so every message can point at the row the
 * person sees in their spreadsheet. A malformed row becomes a row with a
 * problem; nothing here throws.
 */

export interface CsvRow {
	line: number;
	fields: string[];
	/** why the row could not be read; its fields are then empty */
	problem: string | null;
}

export interface CsvTable {
	/** the first non-blank row; empty when the file has none */
	header: string[];
	/** the line of the header (for a header problem) */
	headerLine: number;
	headerProblem: string | null;
	rows: CsvRow[];
}

const BOM = '\ufeff';

const QUOTE_PROBLEMS: Record<string, string> = {
	MissingQuotes: 'has a quote mark (") that is never closed, so nothing from this row to the end of the file could be read',
	InvalidQuotes: 'has a quote mark (") inside a value; put the whole value in quotes and double any quote inside it ("")'
};

function isBlank(fields: string[]): boolean {
	return fields.every((field) => field.trim() === '');
}

function countNewlines(text: string, from: number, to: number): number {
	let count = 0;
	for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
	return count;
}

function quoteProblem(errors: Papa.ParseError[]): string | null {
	// an unclosed quote swallows the rest of the file, the message that matters most
	const error = errors.find((e) => e.code === 'MissingQuotes') ?? errors.find((e) => e.code in QUOTE_PROBLEMS);
	return error ? QUOTE_PROBLEMS[error.code] : null;
}

function fieldCountProblem(count: number, expected: number): string | null {
	if (count === expected) return null;
	const hint = count > expected ? ' (a value that contains a comma needs quotes around it)' : '';
	return `has ${count} values but the header has ${expected} columns${hint}`;
}

export function parseCsv(input: string): CsvTable {
	const text = input.startsWith(BOM) ? input.slice(BOM.length) : input;
	const table: CsvTable = { header: [], headerLine: 1, headerProblem: null, rows: [] };
	let line = 1;
	let start = 0;
	Papa.parse<string[]>(text, {
		delimiter: ',',
		step(result) {
			const end = result.meta.cursor;
			const fields = result.data;
			const problem = quoteProblem(result.errors);
			if (problem || !isBlank(fields)) addRow(table, { line, fields, problem });
			line += countNewlines(text, start, end);
			start = end;
		}
	});
	return table;
}

function addRow(table: CsvTable, row: CsvRow): void {
	if (table.header.length === 0 && table.headerProblem === null) {
		table.header = row.fields;
		table.headerLine = row.line;
		table.headerProblem = row.problem;
		return;
	}
	const problem = row.problem ?? fieldCountProblem(row.fields.length, table.header.length);
	table.rows.push(problem ? { line: row.line, fields: [], problem } : row);
}
