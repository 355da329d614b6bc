import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { agingBucket, agingCsv, agingReport, changedWeeksCsv, daysPastDue, fixedPriceCost, monthSeries, profit, profitabilityCsv, profitabilityReport, reportPeriod, revenueCsv, revenueReport, trailingYear, unbilledCsv, unbilledReport, type BilledLines, type FixedPriceTime, type OpenInvoice } from './reports.js';

const parse = (text: string) => {
	expect(text.startsWith('\ufeff')).toBe(true);
	return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

describe('periods', () => {
	it('lists every month a period touches', () => {
		expect(monthSeries('2026-10-15', '2027-01-03')).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
		expect(monthSeries('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
	});

	it('takes the twelve months ending with this one, a leap day included', () => {
		expect(trailingYear('2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
		expect(trailingYear('2028-02-10')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
	});

	it('reads a month or two dates, and falls back to the default with the reason', () => {
		expect(reportPeriod({}, '2026-12-03', trailingYear)).toEqual({ from: '2026-01-01', to: '2026-12-31', problem: null });
		expect(reportPeriod({ month: '2026-11' }, '2026-12-03')).toEqual({ from: '2026-11-01', to: '2026-11-30', problem: null });
		expect(reportPeriod({ from: '2026-07-01', to: '2026-09-30' }, '2026-12-03', trailingYear)).toEqual({ from: '2026-07-01', to: '2026-09-30', problem: null });
		expect(reportPeriod({ from: '2026-09-30', to: '2026-07-01' }, '2026-12-03', trailingYear)).toEqual({ from: '2026-01-01', to: '2026-12-31', problem: 'The last day is before the first.' });
	});
});

/** Acme on time and materials with a plan beside it, Globex on a block, a credit note in December, an invoice in euros. */
const billed = (over: Partial<BilledLines>): BilledLines => ({
	currency: 'USD',
	month: '2026-11',
	customerId: 'acme',
	customerName: 'Acme Dental',
	contractId: null,
	contractName: null,
	contractType: null,
	kind: 'recurring',
	invoiced: 0,
	credited: 0,
	cost: 0,
	...over
});

const T_AND_M = { contractId: 'c-acme', contractName: 'Support', contractType: 'time-and-materials' };
const LINES: BilledLines[] = [
	// the plan: 3 × $30 + $150 = $240.00, costing 3 × $10 + $60 = $90.00
	billed({ kind: 'recurring', invoiced: 24_000, cost: 9_000 }),
	// labour: $120.00 + $270.00, 20 min at $45/h (raised to the hour's minimum) and 90 min: $15.00 + $67.50
	billed({ ...T_AND_M, kind: 'labour', invoiced: 39_000, cost: 8_250 }),
	// December: the $120.00 line credited in full, and December's plan
	billed({ ...T_AND_M, month: '2026-12', kind: 'labour', credited: 12_000 }),
	billed({ month: '2026-12', kind: 'recurring', invoiced: 24_000, cost: 9_000 }),
	// Globex: a block bought for $1,000.00, 2.5 h drawn from it at $45/h cost, a product at $85.00 costing $52.50
	billed({ customerId: 'globex', customerName: 'Globex', contractId: 'c-block', contractName: '10 hours', contractType: 'block-hours', kind: 'block', invoiced: 100_000, cost: 11_250 }),
	billed({ customerId: 'globex', customerName: 'Globex', kind: 'product', invoiced: 8_500, cost: 5_250 }),
	// a line under an agreement whose type was never set
	billed({ customerId: 'globex', customerName: 'Globex', contractId: 'c-misc', contractName: 'Misc', kind: 'expense', invoiced: 1_155, cost: 1_050 }),
	billed({ currency: 'EUR', customerId: 'euro', customerName: 'Euro GmbH', invoiced: 50_000 })
];

describe('revenueReport', () => {
	const report = revenueReport(LINES, { from: '2026-10-01', to: '2026-12-31' }, 'USD');

	it('sums each month of the period, credit notes taken off, empty months at zero', () => {
		expect(report.months).toEqual([
			{ month: '2026-10', invoiced: 0, credited: 0, net: 0 },
			// 240 + 390 + 1,000 + 85 + 11.55 = 1,726.55
			{ month: '2026-11', invoiced: 172_655, credited: 0, net: 172_655 },
			// 240 − 120 = 120.00
			{ month: '2026-12', invoiced: 24_000, credited: 12_000, net: 12_000 }
		]);
		expect(report.total).toEqual({ invoiced: 196_655, credited: 12_000, net: 184_655 });
	});

	it('ranks customers by net revenue and leaves out another currency, naming it', () => {
		expect(report.customers).toEqual([
			{ customerId: 'globex', customerName: 'Globex', invoiced: 109_655, credited: 0, net: 109_655 },
			{ customerId: 'acme', customerName: 'Acme Dental', invoiced: 87_000, credited: 12_000, net: 75_000 }
		]);
		expect(report.otherCurrencies).toEqual(['EUR']);
	});

	it('groups by agreement type in a fixed order, lines without an agreement as "No agreement"', () => {
		expect(report.agreements.map((a) => [a.label, a.net])).toEqual([
			['Block hours', 100_000],
			['Time and materials', 27_000],
			['Agreement, type not set', 1_155],
			// the plans (240 × 2) and the product
			['No agreement', 56_500]
		]);
	});

	it('writes a CSV row per month, customer and agreement', () => {
		const rows = parse(revenueCsv(report));
		expect(rows[0]).toEqual(['Month', 'Customer ID', 'Customer', 'Agreement', 'Agreement type', 'Invoiced', 'Credited', 'Net revenue']);
		expect(rows.slice(1)).toEqual([
			['2026-11', 'acme', 'Acme Dental', 'No agreement', 'No agreement', '240.00', '0.00', '240.00'],
			['2026-11', 'acme', 'Acme Dental', 'Support', 'Time and materials', '390.00', '0.00', '390.00'],
			['2026-11', 'globex', 'Globex', '10 hours', 'Block hours', '1000.00', '0.00', '1000.00'],
			['2026-11', 'globex', 'Globex', 'Misc', 'Agreement, type not set', '11.55', '0.00', '11.55'],
			['2026-11', 'globex', 'Globex', 'No agreement', 'No agreement', '85.00', '0.00', '85.00'],
			['2026-12', 'acme', 'Acme Dental', 'No agreement', 'No agreement', '240.00', '0.00', '240.00'],
			['2026-12', 'acme', 'Acme Dental', 'Support', 'Time and materials', '0.00', '120.00', '-120.00']
		]);
	});
});

describe('profitability', () => {
	it('works out the margin and its share, none without revenue', () => {
		expect(profit(39_000, 8_250, 0)).toEqual({ revenue: 39_000, labourCost: 8_250, otherCost: 0, cost: 8_250, margin: 30_750, marginShare: 30_750 / 39_000 });
		expect(profit(0, 1_502, 0)).toMatchObject({ margin: -1_502, marginShare: null });
	});

	it('costs fixed-price time per entry at the role rate, rounded once per entry', () => {
		// 10 min at $45.03/h = 750.5 ¢ → 751 ¢ an entry; two entries 1,502 ¢ (20 min at once would be 1,501)
		expect(fixedPriceCost({ minutes: 10, entries: 2, costPerHour: 4_503 })).toBe(1_502);
		expect(fixedPriceCost({ minutes: 90, entries: 1, costPerHour: null })).toBe(0);
	});

	const FIXED: FixedPriceTime[] = [
		{ customerId: 'initech', customerName: 'Initech', contractId: 'c-fixed', contractName: 'Migration', minutes: 10, entries: 2, costPerHour: 4_503 },
		{ customerId: 'initech', customerName: 'Initech', contractId: 'c-fixed', contractName: 'Migration', minutes: 30, entries: 1, costPerHour: null }
	];
	const MILESTONE = billed({ customerId: 'initech', customerName: 'Initech', contractId: 'c-fixed', contractName: 'Migration', contractType: 'fixed-price', kind: 'milestone', invoiced: 250_000 });
	const report = profitabilityReport([...LINES, MILESTONE], FIXED, 'USD');

	it('gives each agreement revenue less labour at cost and other cost, fixed-price time added', () => {
		expect(report.agreements.map((a) => [a.customerName, a.contractName, a.label, a.revenue, a.labourCost, a.otherCost, a.margin])).toEqual([
			['Initech', 'Migration', 'Fixed price', 250_000, 1_502, 0, 248_498],
			['Globex', '10 hours', 'Block hours', 100_000, 11_250, 0, 88_750],
			['Acme Dental', 'No agreement', 'No agreement', 48_000, 0, 18_000, 30_000],
			// $390.00 − $120.00 credited = $270.00, less $82.50 of labour
			['Acme Dental', 'Support', 'Time and materials', 27_000, 8_250, 0, 18_750],
			['Globex', 'No agreement', 'No agreement', 8_500, 0, 5_250, 3_250],
			['Globex', 'Misc', 'Agreement, type not set', 1_155, 0, 1_050, 105]
		]);
		expect(report.unpricedMinutes).toBe(30);
	});

	it('sums customers and the whole, margin share to the cent of revenue', () => {
		expect(report.customers.map((c) => [c.customerName, c.revenue, c.cost, c.margin])).toEqual([
			['Initech', 250_000, 1_502, 248_498],
			['Globex', 109_655, 17_550, 92_105],
			['Acme Dental', 75_000, 26_250, 48_750]
		]);
		expect(report.customers[2].marginShare).toBe(0.65);
		expect(report.total).toMatchObject({ revenue: 434_655, labourCost: 21_002, otherCost: 24_300, cost: 45_302, margin: 389_353 });
	});

	it('writes a CSV row per agreement with the margin share as a fraction', () => {
		const rows = parse(profitabilityCsv(report));
		expect(rows[0]).toEqual(['Customer ID', 'Customer', 'Agreement', 'Agreement type', 'Revenue', 'Labour cost', 'Other cost', 'Margin', 'Margin share']);
		expect(rows[4]).toEqual(['acme', 'Acme Dental', 'Support', 'Time and materials', '270.00', '82.50', '0.00', '187.50', '0.6944']);
	});
});

describe('receivables aging', () => {
	it('buckets by days past due: due today is current, 30 and 31 days fall apart', () => {
		const today = '2026-12-03';
		const cases = ['2026-12-10', '2026-12-03', '2026-12-02', '2026-11-03', '2026-11-02', '2026-10-04', '2026-10-03', '2026-09-04', '2026-09-03'].map((due) => {
			const days = daysPastDue(due, today);
			return [due, days, agingBucket(days)];
		});
		expect(cases).toEqual([
			['2026-12-10', -7, 'current'],
			['2026-12-03', 0, 'current'],
			['2026-12-02', 1, '1-30'],
			['2026-11-03', 30, '1-30'],
			['2026-11-02', 31, '31-60'],
			['2026-10-04', 60, '31-60'],
			['2026-10-03', 61, '61-90'],
			['2026-09-04', 90, '61-90'],
			['2026-09-03', 91, '90+']
		]);
	});

	const invoice = (number: string, customerId: string, dueOn: string, total: number, paid = 0, credited = 0): OpenInvoice => ({
		id: number,
		number,
		currency: 'USD',
		customerId,
		customerName: customerId === 'acme' ? 'Acme Dental' : 'Globex',
		issuedOn: '2026-08-01',
		dueOn,
		total,
		paid,
		credited
	});

	const report = agingReport(
		[
			invoice('INV-1', 'acme', '2026-09-03', 64_980, 20_000),
			invoice('INV-2', 'acme', '2026-11-20', 25_980, 0, 12_990),
			invoice('INV-3', 'globex', '2026-12-18', 15_155),
			invoice('INV-4', 'globex', '2026-10-20', 27_155, 27_155),
			{ ...invoice('INV-5', 'globex', '2026-10-20', 9_900), currency: 'EUR' }
		],
		'2026-12-03',
		'USD'
	);

	it('owes total − paid − credited per invoice, a settled one left out', () => {
		expect(report.invoices.map((i) => [i.number, i.open, i.daysPastDue, i.bucket])).toEqual([
			['INV-1', 44_980, 91, '90+'],
			['INV-2', 12_990, 13, '1-30'],
			['INV-3', 15_155, -15, 'current']
		]);
		expect(report.otherCurrencies).toEqual(['EUR']);
	});

	it('sums each customer by bucket, most owed first, and the whole', () => {
		expect(report.customers).toEqual([
			{ customerId: 'acme', customerName: 'Acme Dental', buckets: { current: 0, '1-30': 12_990, '31-60': 0, '61-90': 0, '90+': 44_980 }, open: 57_970, invoices: 2 },
			{ customerId: 'globex', customerName: 'Globex', buckets: { current: 15_155, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 }, open: 15_155, invoices: 1 }
		]);
		expect(report.total).toEqual({ buckets: { current: 15_155, '1-30': 12_990, '31-60': 0, '61-90': 0, '90+': 44_980 }, open: 73_125 });
	});

	it('writes a CSV row per open invoice, days past due never negative', () => {
		const rows = parse(agingCsv(report));
		expect(rows[0]).toEqual(['Invoice', 'Customer ID', 'Customer', 'Issued', 'Due', 'Days past due', 'Bucket', 'Total', 'Paid', 'Credited', 'Open']);
		expect(rows[1]).toEqual(['INV-1', 'acme', 'Acme Dental', '2026-08-01', '2026-09-03', '91', '90+ days', '649.80', '200.00', '0.00', '449.80']);
		expect(rows[3][5]).toBe('0');
	});
});

describe('unbilled', () => {
	const report = unbilledReport(
		[
			{ customerId: 'acme', customerName: 'Acme Dental', currency: 'USD', lines: [{ kind: 'recurring', amount: 24_000, minutes: null }, { kind: 'labour', amount: 12_000, minutes: 60 }, { kind: 'labour', amount: 27_000, minutes: 90 }] },
			{ customerId: 'globex', customerName: 'Globex', currency: 'USD', lines: [{ kind: 'block', amount: 0, minutes: 45 }, { kind: 'labour', amount: 6_000, minutes: 30 }, { kind: 'recurring', amount: 14_000, minutes: null }] },
			{ customerId: 'euro', customerName: '=Euro GmbH', currency: 'EUR', lines: [{ kind: 'recurring', amount: 5_000, minutes: null }] }
		],
		{ entries: 2, minutes: 75 },
		['The plan “Empty plan” has no price: set one in Billing → Plans.'],
		'USD'
	);

	it('sums the drafts per customer and kind, with the minutes of time', () => {
		expect(report.customers.map((c) => [c.customerName, c.byKind.recurring, c.byKind.labour, c.byKind.block, c.minutes, c.lines, c.total])).toEqual([
			['Acme Dental', 24_000, 39_000, 0, 150, 3, 63_000],
			['Globex', 14_000, 6_000, 0, 75, 3, 20_000]
		]);
		expect(report.kinds).toEqual(['recurring', 'labour', 'block']);
		expect(report.total).toMatchObject({ minutes: 225, lines: 6, total: 83_000 });
		expect(report.total.byKind).toMatchObject({ recurring: 38_000, labour: 45_000, block: 0, product: 0 });
		expect(report.otherCurrencies).toEqual(['EUR']);
	});

	it('writes a CSV row per customer and one for time no customer can be billed for', () => {
		const rows = parse(unbilledCsv(report));
		expect(rows[0]).toEqual(['Customer ID', 'Customer', 'Managed services', 'Labour', 'Prepaid hours', 'Project milestones', 'Expenses', 'Products', 'Adjustments', 'Hours', 'Total']);
		expect(rows[1]).toEqual(['acme', 'Acme Dental', '240.00', '390.00', '0.00', '0.00', '0.00', '0.00', '0.00', '2.50', '630.00']);
		expect(rows[3]).toEqual(['', 'No customer (cannot bill)', '', '', '', '', '', '', '', '1.25', '']);
	});
});

describe('CSV cells', () => {
	it('neutralises names a spreadsheet would run, and keeps an amount\'s minus sign', () => {
		const rows = parse(changedWeeksCsv([{ userId: 'u1', personName: '=HYPERLINK("http://x")', week: '2026-W47', minutes: 150, billableMinutes: 120, invoicedEntries: 1, invoices: ['INV-2026-00003'] }]));
		expect(rows).toEqual([
			['Person', 'Week', 'First day', 'Last day', 'Hours', 'Billable hours', 'Already invoiced', 'Invoices'],
			["'=HYPERLINK(\"http://x\")", '2026-W47', '2026-11-16', '2026-11-22', '2.50', '2.00', 'Yes', 'INV-2026-00003']
		]);
		const credit = parse(revenueCsv({ lines: [{ month: '2026-12', customerId: '+1', customerName: '-Acme', agreement: 'none', contractName: '@once', invoiced: 0, credited: 500, net: -500 }] }));
		expect(credit[1]).toEqual(['2026-12', "'+1", "'-Acme", "'@once", 'No agreement', '0.00', '5.00', '-5.00']);
	});
});
