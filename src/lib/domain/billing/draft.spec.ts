import { describe, expect, it } from 'vitest';
import { servicePlanRecord, roleRecord, programRecord } from '../catalog/billing-schema.js';
import { planAssociationRecord } from '../contracts/billing-schema.js';
import { draftRun, type BillingAgreement, type CustomerBilling, type DraftInput } from './draft.js';
import { isAfterHours } from './labour-lines.js';
import { taxSummary } from './tax.js';

// Worked examples through a whole draft, exact to the cent (the rounding rule: rounding.ts).
const plan = servicePlanRecord.parse({ id: 'p-managed', name: 'Fully Managed', basis: 'devices', workstationPrice: 3_000, workstationCost: 1_200, serverPrice: 15_000, mobilePrice: null, taxable: true });
const tech = roleRecord.parse({ id: 'r-tech', name: 'Technician', ratePerHour: 12_000, costPerHour: 4_500 });
const agreement = (fields: Partial<BillingAgreement>): BillingAgreement => ({
	id: 'c-1', name: 'Support', type: 'time-and-materials', start: '2026-01-01', endsOn: null, period: 'monthly', blockMinutes: null, blockExpiresOn: null,
	lowBalanceMinutes: null, overageRate: null, incrementMinutes: null, minimumMinutes: null, afterHoursBasisPoints: null,
	amountPerPeriod: null, blockPrice: null, dueDays: null, billToEmail: null, programId: null, ...fields
});
const customer = (fields: Partial<CustomerBilling>): CustomerBilling => ({
	customer: { id: 'cust-1', name: 'Acme Dental', currency: 'USD', hourlyRate: null, paymentTermsDays: null, email: 'ap@acme.test' },
	agreements: [], associations: [], counts: { workstations: 0, servers: 0, mobiles: 0, users: 0 }, entries: [], expenses: [], milestones: [], deployments: [], taxBasisPoints: 825, ...fields
});
const input = (customers: CustomerBilling[], more: Partial<DraftInput> = {}): DraftInput => ({
	period: { start: '2026-11-01', end: '2026-11-30' },
	customers,
	catalog: { plans: new Map([[plan.id, plan]]), programs: new Map(), roles: new Map([['technician', tech]]), overrides: new Map() },
	billed: new Set(), drawn: new Map(), ...more
});
const entry = (id: string, date: string, minutes: number, startMinute: number | null = 600) => ({ id, date, startMinute, minutes, workRole: 'Technician', projectContractId: null, label: null });
const associate = (fields: Record<string, unknown>) => planAssociationRecord.parse({ id: 'a-1', customerId: 'cust-1', planId: plan.id, cycle: 'monthly', start: '2026-01-01', ...fields });

describe('a billing run draft', () => {
	it('bills a plan per device type for the month, and prorates a start on the 17th of a 30-day month (14/30 days)', () => {
		const { invoices } = draftRun(input([customer({ associations: [associate({ start: '2026-11-17' })], counts: { workstations: 10, servers: 1, mobiles: 4, users: 0 } })]));
		const [ws, srv] = invoices[0].lines;
		// 10 × $30.00 = $300.00 × 14/30 = $140.00; 1 × $150.00 × 14/30 = $70.00; mobiles have no price: no line
		expect(invoices[0].lines).toHaveLength(2);
		expect(ws).toMatchObject({ sourceId: 'a-1:2026-11-01', quantity: 10, unitPrice: 3_000, amount: 14_000, cost: 5_600, taxable: true, taxBasisPoints: 825 });
		expect(srv.amount).toBe(7_000);
		expect(ws.description).toBe('Fully Managed — workstations (17 Nov 2026 – 30 Nov 2026, prorated)');
	});

	it('prorates a start on the 17th of a 31-day month (15/31 days)', () => {
		const december = { period: { start: '2026-12-01', end: '2026-12-31' } };
		const { invoices } = draftRun(input([customer({ associations: [associate({ start: '2026-12-17', workstations: 3 })] })], december));
		// 3 × $30.00 = $90.00 × 15/31 = $43.548… → $43.55
		expect(invoices[0].lines[0].amount).toBe(4_355);
	});

	it('a quarterly plan associated mid-quarter bills the rest of the quarter once, in the run holding its start', () => {
		const quarterly = associate({ cycle: 'quarterly', start: '2026-11-17', workstations: 10 });
		// Q4 2026: 1 Oct–31 Dec = 92 days; served 17 Nov–31 Dec = 45 days; 10 × $90.00 = $900.00 × 45/92 = $440.217… → $440.22
		const november = draftRun(input([customer({ associations: [quarterly] })]));
		expect(november.invoices[0].lines[0]).toMatchObject({ sourceId: 'a-1:2026-10-01', unitPrice: 9_000, amount: 44_022 });
		// December's run is inside the quarter already billed: nothing; January's bills the full next quarter
		expect(draftRun(input([customer({ associations: [quarterly] })], { period: { start: '2026-12-01', end: '2026-12-31' } })).invoices).toEqual([]);
		const january = draftRun(input([customer({ associations: [quarterly] })], { period: { start: '2027-01-01', end: '2027-01-31' } }));
		expect(january.invoices[0].lines[0]).toMatchObject({ sourceId: 'a-1:2027-01-01', amount: 90_000 });
	});

	it('never bills a cycle already invoiced', () => {
		const { invoices } = draftRun(input([customer({ associations: [associate({ workstations: 2 })] })], { billed: new Set(['a-1:2026-11-01']) }));
		expect(invoices).toEqual([]);
	});

	it('T&M with a 15-minute increment and a one-hour minimum, and an after-hours entry at 1.5×', () => {
		const tm = agreement({ incrementMinutes: 15, minimumMinutes: 60, afterHoursBasisPoints: 15_000 });
		const entries = [entry('e1', '2026-11-03', 20), entry('e2', '2026-11-04', 70), entry('e3', '2026-11-05', 90, 19 * 60)];
		const { lines } = draftRun(input([customer({ agreements: [tm], entries })])).invoices[0];
		// 20 min → 60 min minimum at $120/h = $120.00; 70 → 75 min = $150.00; after hours 90 min at $180/h = $270.00
		expect(lines.map((l) => [l.minutes, l.unitPrice, l.amount])).toEqual([[60, 12_000, 12_000], [75, 12_000, 15_000], [90, 18_000, 27_000]]);
		// cost is the minutes worked at the role's cost rate: 20 min at $45/h = $15.00
		expect(lines[0].cost).toBe(1_500);
		expect(lines[2].description).toContain('after hours');
	});

	it('a 10 h block where a 2.5 h entry crosses its end: part drawn down, part at the overage rate', () => {
		const block = agreement({ id: 'b-1', name: 'Prepaid 10 h', type: 'block-hours', blockMinutes: 600, overageRate: 15_000, lowBalanceMinutes: 120, blockPrice: 100_000, start: '2026-11-01' });
		// 8.5 h already drawn in earlier invoices: 1.5 h left
		const { invoices } = draftRun(input([customer({ agreements: [block], entries: [entry('e9', '2026-11-10', 150)] })], { drawn: new Map([['b-1', 510]]) }));
		const lines = invoices[0].lines;
		// the block itself is invoiced in the run holding its start; 90 min drawn at no charge; 60 min at $150/h = $150.00
		expect(lines.map((l) => [l.kind, l.sourceId, l.minutes, l.amount])).toEqual([['block', 'block:b-1', null, 100_000], ['block', 'e9', 90, 0], ['labour', 'e9', 60, 15_000]]);
		expect(invoices[0].balances).toEqual([{ contractId: 'b-1', name: 'Prepaid 10 h', pool: 'b-1', remainingMinutes: 0, low: true }]);
	});

	it('an expired block no longer draws: time bills at the T&M rate', () => {
		const block = agreement({ id: 'b-2', type: 'block-hours', blockMinutes: 600, blockExpiresOn: '2026-10-31', start: '2026-01-01' });
		const { lines } = draftRun(input([customer({ agreements: [block], entries: [entry('e1', '2026-11-02', 60)] })])).invoices[0];
		expect(lines.map((l) => [l.kind, l.amount])).toEqual([['labour', 12_000]]);
	});

	it("covers the program's work at no charge and prices the rest by its rate template", () => {
		const program = programRecord.parse({ id: 'prog', name: 'Partially Managed', planIds: '', coveredWork: 'Monitoring', rateBasisPoints: 9_000 });
		const billing = customer({ agreements: [agreement({ programId: 'prog', type: 'recurring' })], entries: [entry('e1', '2026-11-02', 60), { ...entry('e2', '2026-11-02', 60), workRole: 'monitoring' }] });
		const { lines } = draftRun(input([billing], { catalog: { ...input([]).catalog, programs: new Map([['prog', program]]) } })).invoices[0];
		// $120/h × 90 % = $108.00; the monitoring hour is covered
		expect(lines.map((l) => [l.sourceId, l.amount])).toEqual([['e1', 10_800]]);
	});

	it('time on a fixed-price project is not billed; its completed milestone is', () => {
		const fixed = agreement({ id: 'fp', type: 'fixed-price' });
		const billing = customer({ agreements: [fixed], entries: [{ ...entry('e1', '2026-11-02', 60), projectContractId: 'fp' }], milestones: [{ id: 'm1', contractId: 'fp', name: 'Cut-over', amount: 250_000, completedOn: '2026-11-20' }, { id: 'm2', contractId: 'fp', name: 'Handover', amount: 50_000, completedOn: '2026-12-02' }] });
		expect(draftRun(input([billing])).invoices[0].lines.map((l) => [l.kind, l.sourceId, l.amount])).toEqual([['milestone', 'm1', 250_000]]);
	});

	it('an expense bills with its markup; tax applies only to the taxable lines', () => {
		const billing = customer({ associations: [associate({ workstations: 3 })], expenses: [{ id: 'x1', date: '2026-11-04', category: 'Cables', amount: 1_999, markupBasisPoints: 1_500, notes: null }], entries: [entry('e1', '2026-11-03', 60)] });
		const { lines } = draftRun(input([billing])).invoices[0];
		// $19.99 × 1.15 = $22.9885 → $22.99; plan 3 × $30 = $90.00 taxable at 8.25 % = $7.425 → $7.43; labour and expense untaxed
		expect(lines.find((l) => l.kind === 'expense')!.amount).toBe(2_299);
		expect(taxSummary(lines)).toMatchObject({ subtotal: 9_000 + 12_000 + 2_299, tax: 743, total: 23_299 + 743 });
	});

	it('names a plan with no price instead of billing it', () => {
		const free = servicePlanRecord.parse({ id: 'p-free', name: 'Empty plan', basis: 'users' });
		const { invoices, problems } = draftRun(input([customer({ associations: [associate({ planId: 'p-free', users: 5 })] })], { catalog: { ...input([]).catalog, plans: new Map([['p-free', free]]) } }));
		expect(invoices).toEqual([]);
		expect(problems).toEqual(['The plan “Empty plan” has no price: set one in Billing → Plans.']);
	});

	it('takes the due days and bill-to address from the agreement, else the customer', () => {
		const [withTerms] = draftRun(input([customer({ agreements: [agreement({ dueDays: 15, billToEmail: 'billing@acme.test' })], entries: [entry('e1', '2026-11-03', 60)] })])).invoices;
		expect([withTerms.dueDays, withTerms.billToEmail]).toEqual([15, 'billing@acme.test']);
		const [plain] = draftRun(input([customer({ entries: [entry('e1', '2026-11-03', 60)] })])).invoices;
		expect([plain.dueDays, plain.billToEmail]).toEqual([30, 'ap@acme.test']);
	});

	it('after hours: before 08:00 or from 18:00 on a weekday, or a weekend', () => {
		expect([isAfterHours('2026-11-02', 479), isAfterHours('2026-11-02', 480), isAfterHours('2026-11-02', 1080), isAfterHours('2026-11-07', null), isAfterHours('2026-11-02', null)]).toEqual([true, false, true, true, false]);
	});
});
