import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('reading CSV text', () => {
	it('drops a byte-order mark and reads CRLF and LF line ends alike', () => {
		const crlf = parseCsv('\ufeffName,City\r\nAcme,Springfield\r\n');
		const lf = parseCsv('Name,City\nAcme,Springfield\n');
		expect(crlf.header).toEqual(['Name', 'City']);
		expect(crlf.rows).toEqual([{ line: 2, fields: ['Acme', 'Springfield'], problem: null }]);
		expect(lf).toEqual(crlf);
	});

	it('reads quoted commas, doubled quotes and line breaks inside a value', () => {
		const table = parseCsv('Name,Notes\n"Acme, Inc.","said ""hi""\nand left"\nBeta,x\n');
		expect(table.rows[0].fields).toEqual(['Acme, Inc.', 'said "hi"\nand left']);
		// the value spanning two lines moves the next row to line 4
		expect(table.rows[1]).toMatchObject({ line: 4, fields: ['Beta', 'x'] });
	});

	it('skips blank lines and rows of empty cells, keeping the lines of the rest', () => {
		const table = parseCsv('\r\nName,City\r\n\r\n,\r\nAcme,Springfield\r\n  \r\nBeta,Shelbyville');
		expect(table.headerLine).toBe(2);
		expect(table.rows.map((row) => row.line)).toEqual([5, 7]);
	});

	it('reports a row with too many or too few values by its line', () => {
		const table = parseCsv('Name,City\nAcme,Springfield,IL\nBeta\nGamma,Ogdenville\n');
		expect(table.rows[0]).toEqual({
			line: 2,
			fields: [],
			problem: 'has 3 values but the header has 2 columns (a value that contains a comma needs quotes around it)'
		});
		expect(table.rows[1].problem).toBe('has 1 values but the header has 2 columns');
		expect(table.rows[2]).toMatchObject({ line: 4, problem: null });
	});

	it('reports a quote that is never closed on the row where it opens', () => {
		const table = parseCsv('Name,City\nAcme,Springfield\n"Beta,Shelbyville\nGamma,Ogdenville\n');
		expect(table.rows).toHaveLength(2);
		expect(table.rows[1].line).toBe(3);
		expect(table.rows[1].problem).toMatch(/quote mark \(".*never closed/);
	});

	it('reports a stray quote inside a value', () => {
		const table = parseCsv('Name,City\n"Ac"me",x\nBeta,y\n');
		expect(table.rows[0].problem).toMatch(/quote mark \("\) inside a value/);
		expect(table.rows[1]).toMatchObject({ line: 3, fields: ['Beta', 'y'] });
	});

	it('marks a header row that cannot be read, and an empty file', () => {
		expect(parseCsv('"Name,City\nAcme,x').headerProblem).toMatch(/never closed/);
		expect(parseCsv('\r\n\r\n').header).toEqual([]);
	});
});
