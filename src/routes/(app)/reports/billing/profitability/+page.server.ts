import { staff } from '#lib/server/auth/staff.js';
import { readProfitability } from '#lib/server/billing/reports.js';
import { db } from '#lib/server/db/index.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({ report: await readProfitability(db(), staff(locals, 'billing.manage'), url.searchParams) });
