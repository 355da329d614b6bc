import { notFound } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route's id that must be a UUID (runs, invoices): anything else is simply not found, never a database error. */
export function uuidParam(value: string | undefined, what: string): string {
	if (!value || !UUID.test(value)) throw notFound(`No such ${what}.`);
	return value.toLowerCase();
}
