import { FIELD_TYPES, type CustomFieldRecord } from '#lib/domain/catalog/schema.js';
import { parseDay } from '#lib/domain/contracts/days.js';
import type { Scalar } from '#lib/domain/documents/shape.js';

/**
 * The tenant's custom fields on customers: definitions live in the catalog
 * (`customFields`), values in each customer document (`customValues`, keyed
 * by the definition's id). Pure helpers for ordering, choices and typed values.
 */

export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
	text: 'Text',
	number: 'Number',
	date: 'Date',
	choice: 'Choice from a list'
};

/** The definitions a customer shows, in the tenant's order (rank, then label, then id so replicas agree). */
export function orderFields(fields: CustomFieldRecord[]): CustomFieldRecord[] {
	return fields
		.filter((f) => !f.deletedAt)
		.sort((a, b) => (a.rank ?? '').localeCompare(b.rank ?? '') || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/** The choices of a choice field: one per line, blank lines and repeats left out. */
export function choicesOf(choices: string | null | undefined): string[] {
	return [...new Set((choices ?? '').split('\n').map((c) => c.trim()).filter(Boolean))];
}

export type Parsed = { value: Scalar; error?: undefined } | { error: string };

/** What a typed input stores for a field of this definition, or why it cannot. Empty input clears the value. */
export function parseValue(field: Pick<CustomFieldRecord, 'type' | 'choices'>, input: string): Parsed {
	const text = input.trim();
	if (text === '') return { value: null };
	switch (field.type) {
		case 'number': {
			const number = Number(text.replace(',', '.'));
			return Number.isFinite(number) ? { value: number } : { error: 'Enter a number, such as 12 or 3.5' };
		}
		case 'date':
			return parseDay(text) !== null ? { value: text } : { error: 'Enter a date as YYYY-MM-DD' };
		case 'choice':
			return choicesOf(field.choices).includes(text) ? { value: text } : { error: 'Pick one of the choices' };
		default:
			return text.length <= 2000 ? { value: input } : { error: 'Keep it under 2,000 characters' };
	}
}

export interface DefinitionInput {
	label: string;
	type: string;
	choices: string;
}

/** Messages per field of the definition form; empty when it can be saved. */
export function definitionErrors(input: DefinitionInput): Partial<Record<keyof DefinitionInput, string>> {
	const errors: Partial<Record<keyof DefinitionInput, string>> = {};
	if (input.label.trim() === '') errors.label = 'Label is required';
	else if (input.label.trim().length > 120) errors.label = 'Keep the label under 120 characters';
	if (!(FIELD_TYPES as readonly string[]).includes(input.type)) errors.type = 'Pick a type';
	if (input.type === 'choice' && choicesOf(input.choices).length === 0) errors.choices = 'List at least one choice, one per line';
	return errors;
}
