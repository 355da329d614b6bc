import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { TEMPLATE_IDS } from '#lib/domain/import/templates.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readText } from '#lib/server/http/api.js';
import { parseInput } from '#lib/server/http/validate.js';
import { listImports, startImport } from '#lib/server/imports/service.js';

/** A CSV of 10,000 ITFlow client rows is about 3 MB. */
const MAX_CSV_BYTES = 10 * 1024 * 1024;

const query = z.object({
	name: z.string().max(255).optional(),
	template: z.enum(TEMPLATE_IDS).optional(),
	customerId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/).optional()
});

/** Starts an import: the body is the CSV file; answers 202 with the batch, whose progress GET /imports/{id} reports. */
export const POST = endpoint(async ({ locals, request, url }) => {
	const me = staff(locals, 'customers.import');
	const options = parseInput(query, Object.fromEntries(url.searchParams));
	const text = await readText(request, MAX_CSV_BYTES);
	const batch = await startImport(db(), me, { text, fileName: options.name ?? 'import.csv', template: options.template, customerId: options.customerId });
	return json({ batch }, { status: 202 });
});

export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'customers.import');
	return json({ batches: await listImports(db(), me) });
});
