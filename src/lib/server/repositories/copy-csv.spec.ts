import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { copyRowsCsv } from './copy-csv.js';

describe('COPY CSV of plain rows', () => {
	it('quotes only what CSV needs, keeps empty text apart from NULL, and reads back as written', () => {
		const csv = copyRowsCsv([[1, 'plain', null, '', 'a, "b"\nc', true, -2.5]]);
		expect(csv).toBe('1,plain,,"","a, ""b""\nc",true,-2.5\n');
		expect(Papa.parse(csv.trim()).data).toEqual([['1', 'plain', '', '', 'a, "b"\nc', 'true', '-2.5']]);
	});
});
