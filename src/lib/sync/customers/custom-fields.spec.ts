import { describe, expect, it } from 'vitest';
import type { CustomFieldRecord } from '#lib/domain/catalog/schema.js';
import { choicesOf, definitionErrors, orderFields, parseValue } from './custom-fields.js';

const field = (id: string, label: string, rank: string | null, deletedAt: string | null = null): CustomFieldRecord => ({
	id,
	label,
	type: 'text',
	choices: null,
	rank,
	deletedAt
});

describe('custom fields', () => {
	it('orders definitions by rank, then label, leaving out deleted ones', () => {
		const ordered = orderFields([field('1', 'Zeta', 'i'), field('2', 'Beta', null), field('3', 'Alpha', 'i'), field('4', 'Gone', 'a', '2026-01-01T00:00:00Z')]);
		expect(ordered.map((f) => f.label)).toEqual(['Beta', 'Alpha', 'Zeta']);
	});

	it('reads choices one per line without blanks or repeats', () => {
		expect(choicesOf(' Gold \n\nSilver\nGold\r\nBronze')).toEqual(['Gold', 'Silver', 'Bronze']);
		expect(choicesOf(null)).toEqual([]);
	});

	it('parses typed values per type, with a message when they do not fit', () => {
		expect(parseValue({ type: 'number', choices: null }, ' 12.5 ')).toEqual({ value: 12.5 });
		expect(parseValue({ type: 'number', choices: null }, '3,5')).toEqual({ value: 3.5 });
		expect(parseValue({ type: 'number', choices: null }, 'twelve')).toHaveProperty('error');
		expect(parseValue({ type: 'date', choices: null }, '2026-02-28')).toEqual({ value: '2026-02-28' });
		expect(parseValue({ type: 'date', choices: null }, '2026-02-30')).toHaveProperty('error');
		expect(parseValue({ type: 'choice', choices: 'Gold\nSilver' }, 'Gold')).toEqual({ value: 'Gold' });
		expect(parseValue({ type: 'choice', choices: 'Gold\nSilver' }, 'Platinum')).toHaveProperty('error');
		expect(parseValue({ type: 'text', choices: null }, 'as typed ')).toEqual({ value: 'as typed ' });
		expect(parseValue({ type: 'number', choices: null }, '  ')).toEqual({ value: null });
	});

	it('checks a definition before it is saved', () => {
		expect(definitionErrors({ label: 'Tier', type: 'choice', choices: 'Gold' })).toEqual({});
		expect(definitionErrors({ label: ' ', type: 'choice', choices: '\n' })).toEqual({
			label: 'Label is required',
			choices: 'List at least one choice, one per line'
		});
		expect(definitionErrors({ label: 'X', type: 'colour', choices: '' })).toHaveProperty('type');
	});
});
