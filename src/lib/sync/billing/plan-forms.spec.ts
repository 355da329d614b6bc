import { describe, expect, it } from 'vitest';
import { servicePlanRecord, programRecord, roleRecord, taxRateRecord } from '#lib/domain/catalog/billing-schema.js';
import { planInput, programInput, readPlan, readProgram, readRole, readTaxRateForm, roleInput, taxRateInput, workList } from './plan-forms.js';

const none: never[] = [];

describe('plan form', () => {
	it('reads a per-device plan into minor units, every price kept', () => {
		const read = readPlan({ ...planInput(null, 'USD'), name: ' Managed ', workstationPrice: '45.00', serverPrice: '150', serverCost: '40.50', flatPrice: '10' }, 'USD', none);
		expect(read).toEqual({
			ok: true,
			fields: expect.objectContaining({ name: 'Managed', basis: 'devices', workstationPrice: 4_500, serverPrice: 15_000, serverCost: 4_050, mobilePrice: null, flatPrice: 1_000, taxable: true, includes: null })
		});
		if (read.ok) expect(servicePlanRecord.safeParse({ id: 'p1', ...read.fields }).success).toBe(true);
	});

	it('asks for a price of the chosen basis, and refuses bad amounts and a repeated name', () => {
		const others = [{ id: 'p0', name: 'Managed', deletedAt: null }];
		expect(readPlan({ ...planInput(null, 'USD'), name: 'managed', basis: 'users', workstationPrice: '45', userCost: '1.234' }, 'USD', others)).toEqual({
			ok: false,
			errors: { name: 'There is already a plan named managed', userCost: 'Use at most 2 decimals', userPrice: 'Give the plan a price' }
		});
		expect(readPlan({ ...planInput(null, 'USD'), name: 'Devices' }, 'USD', none)).toEqual({ ok: false, errors: { workstationPrice: 'Give at least one kind of device a price' } });
	});

	it('starts an edit from the plan as stored', () => {
		const plan = servicePlanRecord.parse({ id: 'p1', name: 'Flat', basis: 'flat', flatPrice: 50_000, taxable: false });
		expect(planInput(plan, 'USD')).toMatchObject({ name: 'Flat', basis: 'flat', flatPrice: '500.00', workstationPrice: '', taxable: '' });
	});
});

describe('program form', () => {
	const plans = [
		{ id: 'p1', name: 'Managed', deletedAt: null },
		{ id: 'p2', name: 'Old', deletedAt: '2026-01-01T00:00:00Z' }
	];

	it('reads plans, covered work and the rate template', () => {
		const read = readProgram({ name: 'Fully managed', planIds: 'p1 p2 p9', coveredWork: 'Remote support, monitoring, remote support', rate: '90', description: '' }, plans, none);
		expect(read).toEqual({ ok: true, fields: { name: 'Fully managed', planIds: 'p1', coveredWork: 'Remote support, monitoring', rateBasisPoints: 9_000, description: null } });
		if (read.ok) expect(programRecord.parse({ id: 'g1', ...read.fields })).toMatchObject({ planIds: ['p1'], rateBasisPoints: 9_000 });
	});

	it('takes a blank rate as the full rate, and refuses a rate that is not one', () => {
		expect(readProgram({ name: 'Break/fix', rate: '' }, plans, none)).toMatchObject({ ok: true, fields: { rateBasisPoints: 10_000, planIds: null } });
		expect(readProgram({ name: 'Break/fix', rate: '90.125' }, plans, none)).toEqual({ ok: false, errors: { rate: 'Use at most two decimals, such as 8.25' } });
	});

	it('shows a stored program as typed', () => {
		const program = programRecord.parse({ id: 'g1', name: 'Fully managed', planIds: 'p1 p3', rateBasisPoints: 8_750 });
		expect(programInput(program)).toEqual({ name: 'Fully managed', planIds: 'p1 p3', coveredWork: '', rate: '87.5', description: '' });
		expect(programInput(null).rate).toBe('100');
	});

	it('keeps a list of work roles tidy', () => {
		expect(workList(' , Onsite ,, onsite, Projects ')).toBe('Onsite, Projects');
		expect(workList(' ')).toBeNull();
	});
});

describe('role form', () => {
	it('needs a rate; the cost is optional', () => {
		const read = readRole({ name: 'Engineer', ratePerHour: '150', costPerHour: '' }, 'USD', none);
		expect(read).toEqual({ ok: true, fields: { name: 'Engineer', ratePerHour: 15_000, costPerHour: null } });
		if (read.ok) expect(roleRecord.safeParse({ id: 'r1', ...read.fields }).success).toBe(true);
		expect(readRole({ name: 'Engineer', ratePerHour: '' }, 'USD', none)).toEqual({ ok: false, errors: { ratePerHour: 'Enter what an hour of this role is billed at' } });
		expect(roleInput(roleRecord.parse({ id: 'r1', name: 'Engineer', ratePerHour: 15_000 }), 'USD')).toEqual({ name: 'Engineer', ratePerHour: '150.00', costPerHour: '' });
	});
});

describe('tax rate form', () => {
	const others = [{ id: 't1', name: 'Texas', region: 'TX', deletedAt: null }];

	it('reads 8.25 as 825 basis points, with its region', () => {
		const read = readTaxRateForm({ name: 'Austin', rate: '8.25', region: ' ' }, others);
		expect(read).toEqual({ ok: true, fields: { name: 'Austin', basisPoints: 825, region: null } });
		if (read.ok) expect(taxRateRecord.safeParse({ id: 't2', ...read.fields }).success).toBe(true);
	});

	it('refuses a rate over 100 %, and a second rate for one region', () => {
		expect(readTaxRateForm({ name: 'Typo', rate: '120', region: 'tx' }, others)).toEqual({
			ok: false,
			errors: { rate: 'A tax rate cannot be over 100 %.', region: 'Texas already applies to tx' }
		});
		expect(readTaxRateForm({ name: 'Texas', rate: '6.25', region: 'TX' }, others, 't1')).toMatchObject({ ok: true });
	});

	it('shows a stored rate as a percentage', () => {
		expect(taxRateInput(taxRateRecord.parse({ id: 't1', name: 'Texas', basisPoints: 625, region: 'TX' }))).toEqual({ name: 'Texas', rate: '6.25', region: 'TX' });
	});
});
