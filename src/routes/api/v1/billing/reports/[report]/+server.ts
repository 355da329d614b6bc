import { staff } from '#lib/server/auth/staff.js';
import { billingReportResponse } from '#lib/server/billing/reports.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';

/**
 * A billing report as JSON, or `?format=csv` as its CSV file: `revenue` and
 * `profitability` (`?from=&to=` or `?month=`, the last twelve months unless
 * asked), `aging` (as of today), `unbilled` (a period, this month unless
 * asked), `changed-weeks`.
 */
export const GET = endpoint(async ({ locals, params, url }) => billingReportResponse(db(), staff(locals, 'billing.manage'), params.report, url.searchParams));
