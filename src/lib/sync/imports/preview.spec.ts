import { describe, expect, it } from 'vitest';
import { importCsv, type TemplateImport } from '#lib/domain/import/import.js';
import { CLIENT_COLUMNS } from '#lib/domain/import/templates.js';
import { buildPreview, recordKey, type PreviewContext } from './preview.js';

function read(text: string, template?: 'itflow-contacts'): TemplateImport {
	const result = importCsv(text, { template });
	if (result.fileError !== null) throw new Error(result.fileError);
	return result;
}

const ACME = { id: 'c-acme', name: 'Acme, Inc.' };
const GLOBEX = { id: 'c-globex', name: 'Globex' };
const context = (over: Partial<PreviewContext> = {}): PreviewContext => ({ customers: [ACME, GLOBEX], chosenCustomerId: null, existing: new Set(), ...over });

describe('the preview of a customers file', () => {
	const file = ['Company', 'Initech', 'ACME Inc', '', 'Initech', 'Umbrella'].join('\n');

	it('counts what will import, what is repeated and what is already a customer (by customer key)', () => {
		const preview = buildPreview(read(file), context());
		expect(preview.counts).toEqual({ rows: 4, willImport: 2, errors: 0, duplicates: 1, existing: 1, unplaced: 0 });
		expect(preview.title).toBe('a list of customer names');
	});

	it('lists problems first, then the rows that will import, then those already there', () => {
		const preview = buildPreview(read(file), context());
		expect(preview.shown.map((row) => [row.line, row.status])).toEqual([
			[5, 'duplicate'],
			[2, 'ok'],
			[6, 'ok'],
			[3, 'exists']
		]);
		expect(preview.shown[3].messages).toEqual(["row 3: 'ACME Inc' is already a customer"]);
		expect(preview.hidden).toBe(0);
	});

	it('shows a row with problems by its messages, with no name', () => {
		const header = CLIENT_COLUMNS.map((column) => column.label);
		const values = (name: string, email: string): Record<string, string> => ({ 'Client Name': name, 'Primary Contact Name': 'Bill', 'Contact Email': email });
		const line = (name: string, email: string) => header.map((label) => values(name, email)[label] ?? '').join(',');
		const preview = buildPreview(read([header.join(','), line('Initech', 'bill@initech.example'), line('Hooli', 'bob@')].join('\n')), context());
		expect(preview.counts).toMatchObject({ willImport: 1, errors: 1 });
		expect(preview.shown[0]).toEqual({ line: 3, status: 'error', name: null, customer: null, detail: '', messages: ["row 3: Contact Email 'bob@' is not an email address"] });
		expect(preview.shown[1]).toMatchObject({ line: 2, status: 'ok', name: 'Initech', detail: 'Bill · bill@initech.example' });
	});
});

describe('the preview of a contacts file', () => {
	const header = 'Client,Full Name,Job Title,Email Address,Office Phone,Office Extension,Mobile Phone,Office Location';
	const file = [header, 'acme inc,Wile Coyote,,wile@acme.example,,,,', 'Nobody Ltd,Bob,,,,,,', ',Road Runner,,,,,,', 'Globex,Hank,,hank@,,,,'].join('\n');

	it('places rows by the Client column, else on the chosen customer, and finds contacts already there', () => {
		const existing = new Set([recordKey(ACME.id, 'WILE  coyote')]);
		const preview = buildPreview(read(file), context({ chosenCustomerId: GLOBEX.id, existing }));
		expect(preview.counts).toEqual({ rows: 4, willImport: 1, errors: 1, duplicates: 0, existing: 1, unplaced: 1 });
		const byLine = new Map(preview.shown.map((row) => [row.line, row]));
		expect(byLine.get(2)).toMatchObject({ status: 'exists', customer: 'Acme, Inc.', messages: ["row 2: Acme, Inc. already has 'Wile Coyote'"] });
		expect(byLine.get(3)).toMatchObject({ status: 'unplaced', customer: 'Nobody Ltd', messages: ["row 3: there is no customer named 'Nobody Ltd'"] });
		expect(byLine.get(4)).toMatchObject({ status: 'ok', customer: 'Globex', name: 'Road Runner' });
		expect(byLine.get(5)?.messages).toEqual(["row 5: Email Address 'hank@' is not an email address"]);
	});

	it('leaves a row without a Client out when no customer was chosen', () => {
		const preview = buildPreview(read(file), context());
		expect(preview.shown.find((row) => row.line === 4)?.messages).toEqual(['row 4: the Client column is empty and no customer was chosen for the file']);
	});
});
