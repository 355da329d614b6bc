import { json } from '@sveltejs/kit';
import { isWeek } from '#lib/domain/timesheet/weeks.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';
import { weekForReview } from '#lib/server/timesheets/week-decisions.js';

/** One week's approval and what changed in it since it was approved. */
export const GET = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'timesheets.review');
	const { userId, week } = params;
	if (!userId || !week || !isWeek(week)) throw notFound('A week is YYYY-Www.');
	return json(await weekForReview(db(), me.tenantId, { userId, week }));
});
