import { assetMapper, type DeviceImport } from './assets.js';
import { clientMapper, type ClientImport } from './clients.js';
import { contactMapper, type ContactImport } from './contacts.js';
import { parseCsv, type CsvRow, type CsvTable } from './csv.js';
import { detectTemplate, type HeaderMatch } from './headers.js';
import { locationMapper, type SiteImport } from './locations.js';
import { rowReaderFor, type RowReader, type TemplateMapper } from './reader.js';
import type { TemplateId } from './templates.js';

/**
 * A CSV file → what each of its rows would import as, for the preview and the
 * import API alike. Pure: ids, lookups of existing customers (by customerKey)
 * and writes are the importer's. Only rows with status 'ok' are to be imported.
 */

export interface MappedByTemplate {
	names: ClientImport;
	'itflow-clients': ClientImport;
	'itflow-contacts': ContactImport;
	'itflow-locations': SiteImport;
	'itflow-assets': DeviceImport;
}

export type RowStatus = 'ok' | 'error' | 'duplicate';

export interface ImportRow<T> {
	/** the 1-based line the row starts on; the header is line 1 */
	line: number;
	status: RowStatus;
	/** only on 'ok' rows */
	mapped?: T;
	/** why the row is not imported, one message per problem, each starting "row N" */
	errors: string[];
}

export interface ImportCounts {
	rows: number;
	ok: number;
	error: number;
	duplicate: number;
}

export type TemplateImport<K extends TemplateId = TemplateId> = K extends TemplateId
	? {
			template: K;
			rows: ImportRow<MappedByTemplate[K]>[];
			counts: ImportCounts;
			/** columns present that are not imported (e.g. Department) */
			ignoredColumns: string[];
			fileError: null;
		}
	: never;

/** A file that could not be read at all: no header, or a header that is no template. */
export interface UnreadableImport {
	template: null;
	rows: [];
	counts: ImportCounts;
	ignoredColumns: [];
	fileError: string;
}

export type ImportResult = TemplateImport | UnreadableImport;

export interface ImportOptions {
	/** read the file as this template instead of recognising it from the header */
	template?: TemplateId;
}

const MAPPERS: { [K in TemplateId]: TemplateMapper<MappedByTemplate[K]> } = {
	names: clientMapper,
	'itflow-clients': clientMapper,
	'itflow-contacts': contactMapper,
	'itflow-locations': locationMapper,
	'itflow-assets': assetMapper
};

export function importCsv(text: string, options: ImportOptions = {}): ImportResult {
	const table = parseCsv(text);
	if (table.headerProblem) return unreadable(`The first row (the column names) ${table.headerProblem}.`);
	const detection = detectTemplate(table.header, options.template);
	return detection.ok ? importTable(detection.match.template.id, table, detection.match) : unreadable(detection.message);
}

function importTable<K extends TemplateId>(template: K, table: CsvTable, match: HeaderMatch): TemplateImport<K> {
	const mapper: TemplateMapper<MappedByTemplate[K]> = MAPPERS[template];
	const read = rowReaderFor(match);
	const firstLines = new Map<string, number>();
	const rows = table.rows.map((row) => importRow(row, read, mapper, firstLines));
	// the conditional type cannot see that K picks one branch
	return { template, rows, counts: countRows(rows), ignoredColumns: match.ignored, fileError: null } as TemplateImport<K>;
}

function importRow<T>(
	csvRow: CsvRow,
	read: (fields: string[]) => RowReader,
	mapper: TemplateMapper<T>,
	firstLines: Map<string, number>
): ImportRow<T> {
	const { line } = csvRow;
	if (csvRow.problem) return { line, status: 'error', errors: [`row ${line} ${csvRow.problem}`] };
	const reader = read(csvRow.fields);
	const mapped = mapper.map(reader);
	if (!mapped || reader.problems.length > 0) {
		return { line, status: 'error', errors: reader.problems.map((problem) => `row ${line}: ${problem}`) };
	}
	const key = mapper.key(mapped);
	const first = firstLines.get(key);
	if (first === undefined) {
		firstLines.set(key, line);
		return { line, status: 'ok', mapped, errors: [] };
	}
	const repeat = `row ${line}: '${mapper.name(mapped)}' is already on row ${first} of this file, so this row is left out`;
	return { line, status: 'duplicate', errors: [repeat] };
}

function countRows(rows: ImportRow<unknown>[]): ImportCounts {
	const counts: ImportCounts = { rows: rows.length, ok: 0, error: 0, duplicate: 0 };
	for (const row of rows) counts[row.status]++;
	return counts;
}

function unreadable(message: string): UnreadableImport {
	return { template: null, rows: [], counts: countRows([]), ignoredColumns: [], fileError: message };
}
