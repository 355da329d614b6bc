import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { adjustLine, adjustmentInput } from '#lib/server/billing/runs.js';
import { db } from '#lib/server/db/index.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';

/** Adjusts a draft line: quantity and unit price, with the reason the audit keeps. */
export const PATCH = endpoint(async ({ locals, params, request }) => {
	const me = staff(locals, 'billing.manage');
	const lineNo = Number(params.lineNo);
	if (!Number.isSafeInteger(lineNo) || lineNo < 1) throw notFound('No such line.');
	const change = await readJson(request, adjustmentInput);
	return json(await adjustLine(db(), me, uuidParam(params.id, 'No such billing run.'), lineNo, change));
});
