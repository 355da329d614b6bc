import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { invalid } from '#lib/server/http/errors.js';
import { timeTotals, type TimeTarget } from '#lib/server/repositories/time-totals.js';

const ONE_TARGET = 'Ask for the totals of one ticket (ticketId=…) or one task (taskId=…).';

function target(params: URLSearchParams): TimeTarget {
	const [ticketId, taskId] = ['ticketId', 'taskId'].map((key) => params.get(key)?.trim() || null);
	if ((ticketId === null) === (taskId === null)) throw invalid(ONE_TARGET);
	const id = (ticketId ?? taskId)!;
	if (id.length > 100) throw invalid('That id is too long to be one.');
	return ticketId ? { ticketId } : { taskId: id };
}

/** Minutes logged on a ticket or task, per person and week (staff only; the caller's tenant). */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'app.use');
	return json({ totals: await timeTotals(db(), me.tenantId, target(url.searchParams)) });
});
