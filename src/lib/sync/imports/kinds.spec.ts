import { describe, expect, it } from 'vitest';
import { CLIENT_COLUMNS, CONTACT_COLUMNS, LOCATION_COLUMNS } from '#lib/domain/import/templates.js';
import { fileProblem, importKind, MAX_FILE_BYTES, readAs } from './kinds.js';

const header = (columns: readonly { label: string }[]) => columns.map((column) => column.label).join(',');

describe('reading a file as what the person chose', () => {
	it('reads a names-only file and the ITFlow clients template as customers', () => {
		expect(readAs('Company\nAcme\n', importKind('customers')).template).toBe('names');
		expect(readAs(`${header(CLIENT_COLUMNS)}\nAcme${','.repeat(CLIENT_COLUMNS.length - 1)}\n`, importKind('customers')).template).toBe('itflow-clients');
	});

	it('refuses a file of another template, naming what to choose instead', () => {
		const result = readAs(`${header(LOCATION_COLUMNS)}\n`, importKind('contacts'));
		expect(result.template).toBeNull();
		expect(result.fileError).toBe('This file is the ITFlow locations template, not contacts. Choose “Locations” as what to import, or pick another file.');
	});

	it('reads a contacts file with extra columns as contacts, listing the extra ones as ignored', () => {
		const result = readAs(`${header(CONTACT_COLUMNS)},Favourite colour\nAcme,Bob Smith,,,,,,,,Blue\n`, importKind('contacts'));
		expect(result.template).toBe('itflow-contacts');
		expect(result.ignoredColumns).toContain('Favourite colour');
		expect(result.counts.ok).toBe(1);
	});

	it('names the columns of a customers file that matches no template', () => {
		const result = readAs('Firm,Colour\nAcme,Blue\n', importKind('customers'));
		expect(result.fileError).toMatch(/Not recognised: 'Firm', 'Colour'/);
	});
});

describe('checking the file before reading it', () => {
	it('refuses files over 10 MB and empty files', () => {
		expect(fileProblem({ name: 'big.csv', size: MAX_FILE_BYTES + 1 })).toMatch(/^big\.csv is 10\.0 MB: files of up to 10 MB/);
		expect(fileProblem({ name: 'none.csv', size: 0 })).toBe('none.csv is empty.');
		expect(fileProblem({ name: 'ok.csv', size: MAX_FILE_BYTES })).toBeNull();
	});
});
