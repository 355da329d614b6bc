import Papa from 'papaparse';
import { formatMinor, type MoneyValue } from './money.js';

/**
 * Rows → CSV text for download. UTF-8 with a byte-order mark and CRLF line
 * ends, because that is what makes Excel open accented names correctly.
 */

export type Format = (value: unknown) => string;

/** A column: its header, the row field (or how to work the value out) and how to write it. */
export type Column<R> = readonly [header: string, field: (keyof R & string) | ((row: R) => unknown), format?: Format];

const BOM = '\ufeff';

/**
 * Cells Excel would run as a formula get an apostrophe in front (CSV injection).
 * A leading + or - is left alone where the rest is a phone number or an amount,
 * so "+1 (555) 010-2000" and "-12.50" stay as typed. reader.ts removes the
 * apostrophe when such a file is imported again.
 */
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s().-]*$)/;

export const asText: Format = (value) => (value === null || value === undefined ? '' : String(value));

export const asMoney: Format = (value) => formatMinor(value as MoneyValue);

export const asYesNo: Format = (value) => (value ? 'Yes' : 'No');

/** YYYY-MM-DD, from a date string, an instant, or a Date (node-postgres reads `date` columns as local midnight). */
export const asDate: Format = (value) => {
	if (value instanceof Date) {
		const pad = (n: number) => String(n).padStart(2, '0');
		return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
	}
	return asText(value).slice(0, 10);
};

export function toCsv<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
	const fields = columns.map(([header]) => header);
	const data = rows.map((row) =>
		columns.map(([, field, format = asText]) => format(typeof field === 'function' ? field(row) : row[field]))
	);
	return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA });
}
