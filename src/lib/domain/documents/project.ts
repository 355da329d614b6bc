import * as Y from 'yjs';
import type { z } from 'zod';
import { plain, records } from './shape.js';

/** A record that failed validation: quarantined, while the rest of its document still projects. */
export interface Problem {
	collection: string;
	recordId: string;
	reason: string;
}

function describe(error: z.ZodError): string {
	return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Validates one plain record; a failure becomes a Problem instead of a row. */
export function validateRecord<S extends z.ZodType<{ id: string }, unknown>>(
	schema: S,
	collection: string,
	recordId: string,
	value: unknown,
	problems: Problem[]
): z.infer<S> | undefined {
	const source = value instanceof Y.Map ? plain(value) : value;
	const result = schema.safeParse(source);
	if (result.success) {
		if (result.data.id !== recordId) {
			problems.push({ collection, recordId, reason: `record id ${result.data.id} does not match its key` });
			return undefined;
		}
		return result.data;
	}
	problems.push({ collection, recordId, reason: value instanceof Y.Map ? describe(result.error) : 'not a record map' });
	return undefined;
}

/** Every record of a collection that validates, with `extra` fields (the parent id) added. */
export function projectCollection<S extends z.ZodType<{ id: string }, unknown>, E extends object>(
	doc: Y.Doc,
	collection: string,
	schema: S,
	extra: E,
	problems: Problem[]
): (z.infer<S> & E)[] {
	const rows: (z.infer<S> & E)[] = [];
	// by id, not map order: replicas insert keys in different orders, the output must not differ
	const sorted = records(doc, collection).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	for (const [recordId, value] of sorted) {
		const row = validateRecord(schema, collection, recordId, value, problems);
		if (row) rows.push({ ...row, ...extra });
	}
	return rows;
}
