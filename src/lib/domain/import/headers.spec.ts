import { describe, expect, it } from 'vitest';
import { cleanHeader, detectTemplate } from './headers.js';
import { ASSET_COLUMNS, CLIENT_COLUMNS, CONTACT_COLUMNS, LOCATION_COLUMNS } from './templates.js';

const labels = (columns: readonly { label: string; optional?: boolean }[]) =>
	columns.filter((column) => !column.optional).map((column) => column.label);

function detected(header: string[]) {
	const detection = detectTemplate(header);
	return detection.ok ? detection.match.template.id : detection.message;
}

describe('recognising a template from its header', () => {
	it('knows each template by its columns, in any order', () => {
		expect(detected(['Company Name'])).toBe('names');
		expect(detected(labels(CLIENT_COLUMNS))).toBe('itflow-clients');
		expect(detected(labels(CLIENT_COLUMNS).reverse())).toBe('itflow-clients');
		expect(detected(labels(CONTACT_COLUMNS))).toBe('itflow-contacts');
		expect(detected(labels(LOCATION_COLUMNS))).toBe('itflow-locations');
		expect(detected(labels(ASSET_COLUMNS))).toBe('itflow-assets');
	});

	it("takes ITFlow's own exports, which name some columns differently", () => {
		expect(detected(['Name', 'Title', 'Department', 'Email', 'Phone', 'Ext', 'Mobile', 'Location'])).toBe('itflow-contacts');
		const assetsExport = ['Name', 'Description', 'Type', 'Make', 'Model', 'Serial Number', 'Operating System'];
		const more = ['Purchase Date', 'Warranty Expire', 'Install Date', 'Assigned To', 'Location', 'Physical Location', 'Notes', 'Client'];
		expect(detected([...assetsExport, ...more])).toBe('itflow-assets');
	});

	it('ignores case, padding and required-column marks', () => {
		// ITFlow's contacts template pads its headers with spaces
		expect(detected(['Full Name           ', '*job title', 'EMAIL ADDRESS *', 'Office  Phone', 'Office Extension', 'Mobile Phone', 'Office Location'])).toBe(
			'itflow-contacts'
		);
		expect(cleanHeader('  * Client   Name * ')).toBe('Client Name');
	});

	it('names the expected, missing and unknown columns when nothing matches', () => {
		const header = labels(CLIENT_COLUMNS).filter((label) => label !== 'Tax ID');
		header[16] = 'Contact E-mail';
		const message = detected(header);
		expect(message).toContain('The closest is the ITFlow clients template');
		expect(message).toContain("'Client Name', 'Industry'");
		expect(message).toContain("Missing: 'Contact Email', 'Tax ID'.");
		expect(message).toContain("Not recognised: 'Contact E-mail'.");
	});

	it('refuses a column given twice, and an empty file', () => {
		expect(detected(['Name', 'Company'])).toContain("These columns appear more than once: 'Company'.");
		expect(detected([])).toBe('The file is empty: its first row must name the columns.');
	});
});

describe('reading a file as a template the person chose', () => {
	it('takes the columns it knows and lists the rest as not imported', () => {
		const detection = detectTemplate(['Customer', 'Phone', 'Notes'], 'names');
		expect(detection.ok && detection.match.keys).toEqual(['name', null, null]);
		expect(detection.ok && detection.match.ignored).toEqual(['Phone', 'Notes']);
	});

	it('still needs the name column', () => {
		expect(detectTemplate(['Email'], 'itflow-contacts')).toEqual({
			ok: false,
			message: "The file has no 'Full Name' column, which the ITFlow contacts template needs."
		});
	});
});
