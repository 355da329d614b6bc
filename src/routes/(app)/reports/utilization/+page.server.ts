import { readPeriod } from '#lib/domain/people/utilization.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { tenantToday, utilizationReport } from '#lib/server/people-time/reports.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = staff(locals, 'people.reports');
	const query = url.searchParams;
	const { problem = null, ...period } = readPeriod({ month: query.get('month'), from: query.get('from'), to: query.get('to') }, tenantToday(me));
	return { problem, report: await utilizationReport(db(), me, period) };
};
