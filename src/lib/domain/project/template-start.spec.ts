import { describe, expect, it } from 'vitest';
import { readTemplateStart, type TemplateStartInput } from './template-start.js';

const input = (fields: Partial<TemplateStartInput>): TemplateStartInput => ({ templateId: 't-1', name: 'New office', customerId: '', contractId: '', start: '2026-03-02', keepAssignees: false, ...fields });
const templates = new Set(['t-1']);

describe('the New from template form', () => {
	it('reads a complete form, blanks as none and the name trimmed', () => {
		expect(readTemplateStart(input({ name: '  New office ', customerId: 'c-1' }), templates)).toEqual({
			fields: { templateId: 't-1', name: 'New office', customerId: 'c-1', contractId: null, start: '2026-03-02', keepAssignees: false }
		});
	});

	it('names every missing or wrong field', () => {
		const result = readTemplateStart(input({ templateId: '', name: ' ', start: '' }), templates);
		expect(result).toEqual({ problems: { templateId: expect.stringMatching(/Pick the template/), name: 'Give the project a name', start: expect.stringMatching(/starts/) } });
		expect(readTemplateStart(input({ templateId: 't-gone' }), templates)).toEqual({ problems: { templateId: expect.stringMatching(/no longer there/) } });
		expect(readTemplateStart(input({ start: '2026-02-30' }), templates)).toEqual({ problems: { start: expect.stringMatching(/not a date/) } });
		expect(readTemplateStart(input({ name: 'x'.repeat(301) }), templates)).toEqual({ problems: { name: expect.stringMatching(/300/) } });
	});
});
