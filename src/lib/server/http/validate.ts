import type { z } from 'zod';
import { invalid, notFound } from './errors.js';

/** Parses with a zod schema; failure becomes a 400 with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || '_';
		fields[key] ??= issue.message;
	}
	const first = Object.entries(fields)[0];
	throw invalid(first[0] === '_' ? first[1] : `${first[0]}: ${first[1]}`, fields);
}

/** A form's fields as a plain object (the last value wins for repeated names). */
export function formObject(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') out[key] = value;
	return out;
}

/** A path segment or form field that must be a UUID; anything else cannot exist, so it is a 404. */
export function uuidParam(value: unknown, message = 'Not found.'): string {
	if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/.test(value)) throw notFound(message);
	return value;
}
