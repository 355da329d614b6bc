import type { z } from 'zod';
import { contactRecord, customerRecord, deviceRecord, siteRecord } from '../customer/schema.js';
import type { RowReader } from './reader.js';

/**
 * What an imported row becomes: the customer document's own record schemas,
 * less what the importer decides (ids, links to other records, timestamps), so
 * an import obeys the same rules as an edit in the app.
 */

export const customerFields = customerRecord.omit({ id: true, createdAt: true, deletedAt: true });
export const siteFields = siteRecord.omit({ id: true, deletedAt: true });
export const contactFields = contactRecord.omit({ id: true, siteId: true, deletedAt: true });
export const deviceFields = deviceRecord.omit({ id: true, contactId: true, siteId: true, deletedAt: true });

export type CustomerFields = z.output<typeof customerFields>;
export type SiteFields = z.output<typeof siteFields>;
export type ContactFields = z.output<typeof contactFields>;
export type DeviceFields = z.output<typeof deviceFields>;

/**
 * The schema's output, or null with the row's problems added. `columns` names
 * the column each field came from, so a message can quote what was typed.
 */
export function validated<S extends z.ZodType, K extends string>(
	schema: S,
	input: Record<string, unknown>,
	row: RowReader<K>,
	columns: Partial<Record<string, K>>
): z.output<S> | null {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const key = columns[String(issue.path[0])];
		row.problem(key ? `${row.label(key)} '${row.text(key) ?? ''}' is not valid: ${issue.message}` : issue.message);
	}
	return null;
}
