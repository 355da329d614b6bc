import { staff } from '#lib/server/auth/staff.js';
import { readAging } from '#lib/server/billing/reports.js';
import { db } from '#lib/server/db/index.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ report: await readAging(db(), staff(locals, 'billing.manage')) });
