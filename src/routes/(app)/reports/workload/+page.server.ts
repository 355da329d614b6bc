import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { workloadReport } from '#lib/server/people-time/reports.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => workloadReport(db(), staff(locals, 'people.reports'));
