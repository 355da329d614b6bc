import { json } from '@sveltejs/kit';
import { draftRun } from '#lib/domain/billing/draft.js';
import { agingCsv, agingReport, changedWeeksCsv, profitabilityCsv, profitabilityReport, reportPeriod, revenueCsv, revenueReport, trailingYear, unbilledCsv, unbilledReport, type ReportPeriod } from '#lib/domain/billing/reports.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { notFound } from '../http/errors.js';
import { loadBillingInputs } from '../repositories/billing-inputs.js';
import { billedLines, changedWeeks, fixedPriceTime, openInvoices, unassignedTime } from '../repositories/billing-reports.js';
import { getTenant } from '../repositories/tenants.js';
import { draftInput } from './draft-input.js';
import { tenantToday } from './today.js';

/**
 * The billing reports, read for the caller's tenant: revenue and
 * profitability over a period (the last twelve months unless asked),
 * receivables aging as of today where the tenant is, what a run over a period
 * (this month unless asked) would bill now, and the weeks held out of billing
 * because they changed after approval. Each is JSON for its page and a CSV
 * download (`?format=csv`), from the same figures.
 */

type Query = URLSearchParams;

const periodOf = (me: Identity, query: Query, byDefault?: (today: string) => ReportPeriod) =>
	reportPeriod({ from: query.get('from'), to: query.get('to'), month: query.get('month') }, tenantToday(me), byDefault);

/** The tenant's currency: what every report is in. */
const currencyOf = async (db: Db, tenantId: string) => (await getTenant(db, tenantId))?.currency ?? 'USD';

export async function readRevenue(db: Db, me: Identity, query: Query) {
	const { problem, ...period } = periodOf(me, query, trailingYear);
	const [currency, lines] = await Promise.all([currencyOf(db, me.tenantId), billedLines(db, me.tenantId, period.from, period.to)]);
	return { ...period, problem, currency, ...revenueReport(lines, period, currency) };
}

export async function readProfitability(db: Db, me: Identity, query: Query) {
	const { problem, ...period } = periodOf(me, query, trailingYear);
	const [currency, lines, time] = await Promise.all([currencyOf(db, me.tenantId), billedLines(db, me.tenantId, period.from, period.to), fixedPriceTime(db, me.tenantId, period.from, period.to)]);
	return { ...period, problem, currency, ...profitabilityReport(lines, time, currency) };
}

export async function readAging(db: Db, me: Identity) {
	const [currency, open] = await Promise.all([currencyOf(db, me.tenantId), openInvoices(db, me.tenantId)]);
	return { currency, ...agingReport(open, tenantToday(me), currency) };
}

/** What a run over the period would draft now, by the run's own rules (draft.ts), and approved time no run can bill. */
export async function readUnbilled(db: Db, me: Identity, query: Query) {
	const { problem, ...period } = periodOf(me, query);
	const span = { start: period.from, end: period.to };
	const [currency, inputs, unassigned] = await Promise.all([currencyOf(db, me.tenantId), loadBillingInputs(db, me.tenantId, span), unassignedTime(db, me.tenantId, period.to)]);
	const { invoices, problems } = draftRun(draftInput(inputs, span).input);
	return { ...period, problem, currency, ...unbilledReport(invoices, unassigned, problems, currency) };
}

export async function readChangedWeeks(db: Db, me: Identity) {
	return { asOf: tenantToday(me), weeks: await changedWeeks(db, me.tenantId) };
}

// ——— the API: JSON or CSV ————————————————————————————————————————————————

function csvDownload(text: string, name: string): Response {
	return new Response(text, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'private, no-store' }
	});
}

/** A report as the API answers it: its figures as JSON, or with `csv` its CSV file named after what it covers. */
function report<R>(read: (db: Db, me: Identity, query: Query) => Promise<R>, csv: (report: R) => string, file: (report: R) => string) {
	return async (db: Db, me: Identity, query: Query): Promise<Response> => {
		const figures = await read(db, me, query);
		return query.get('format') === 'csv' ? csvDownload(csv(figures), file(figures)) : json(figures);
	};
}

const span = (r: ReportPeriod) => `${r.from}-to-${r.to}`;

const REPORTS = {
	revenue: report(readRevenue, revenueCsv, (r) => `revenue-${span(r)}`),
	profitability: report(readProfitability, profitabilityCsv, (r) => `profitability-${span(r)}`),
	aging: report(readAging, agingCsv, (r) => `receivables-aging-${r.asOf}`),
	unbilled: report(readUnbilled, unbilledCsv, (r) => `unbilled-${span(r)}`),
	'changed-weeks': report(readChangedWeeks, (r) => changedWeeksCsv(r.weeks), (r) => `weeks-changed-after-approval-${r.asOf}`)
};

export type BillingReportName = keyof typeof REPORTS;

export const BILLING_REPORT_NAMES = Object.keys(REPORTS) as BillingReportName[];

export function billingReportResponse(db: Db, me: Identity, name: string | undefined, query: Query): Promise<Response> {
	if (!name || !Object.hasOwn(REPORTS, name)) throw notFound(`No such report: the billing reports are ${BILLING_REPORT_NAMES.join(', ')}.`);
	return REPORTS[name as BillingReportName](db, me, query);
}
