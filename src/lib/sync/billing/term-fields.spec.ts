import { describe, expect, it } from 'vitest';
import { inputValue, readInput } from '../contracts/fields.js';
import { billingTermFields, rateOverrideFields, serviceItemFields } from './term-fields.js';

const choices = { programs: [{ id: 'g1', name: 'Fully managed' }] };
const agreement = (type: string | null, more = {}) => ({ party: 'msp' as const, type: type as never, programId: null, ...more });
const keys = (type: string | null, more = {}) => billingTermFields(agreement(type, more), choices).map((f) => f.key);
const field = (type: string, key: string) => billingTermFields(agreement(type), choices).find((f) => f.key === key)!;

describe('billingTermFields', () => {
	it('asks each type for what it bills by, after how it is invoiced', () => {
		const invoicing = ['dueDays', 'billToEmail', 'programId'];
		expect(keys('recurring')).toEqual([...invoicing, 'endsOn']);
		expect(keys('block-hours')).toEqual([...invoicing, 'blockMinutes', 'blockPrice', 'blockExpiresOn', 'lowBalanceMinutes', 'overageRate']);
		expect(keys('retainer')).toEqual([...invoicing, 'endsOn', 'blockMinutes', 'lowBalanceMinutes', 'overageRate']);
		expect(keys('time-and-materials')).toEqual([...invoicing, 'incrementMinutes', 'minimumMinutes', 'afterHoursBasisPoints']);
		expect(keys('fixed-price')).toEqual([...invoicing, 'fixedPrice']);
	});

	it('has none for a third-party contract or an agreement with no type', () => {
		expect(keys(null)).toEqual([]);
		expect(billingTermFields({ ...agreement('recurring'), party: 'third-party' }, choices)).toEqual([]);
	});

	it('chooses the program, keeping one since deleted', () => {
		const fields = billingTermFields(agreement('fixed-price', { programId: 'gone' }), choices);
		expect(fields.find((f) => f.key === 'programId')?.options).toEqual([
			{ value: '', label: 'No program' },
			{ value: 'g1', label: 'Fully managed' },
			{ value: 'gone', label: 'A deleted program' }
		]);
	});

	it('types block hours as hours and the after-hours multiplier as 1.5', () => {
		expect(readInput(field('block-hours', 'blockMinutes'), '7.5', 'USD')).toEqual({ ok: true, value: 450 });
		expect(inputValue(field('block-hours', 'lowBalanceMinutes'), 120, 'USD')).toBe('2');
		expect(readInput(field('time-and-materials', 'afterHoursBasisPoints'), '1.5', 'USD')).toEqual({ ok: true, value: 15_000 });
		expect(inputValue(field('time-and-materials', 'afterHoursBasisPoints'), 20_000, 'USD')).toBe('2');
		expect(readInput(field('time-and-materials', 'incrementMinutes'), '241', 'USD').ok).toBe(false);
	});
});

describe('tables', () => {
	it('offers the catalog roles for an override, and the role it already names', () => {
		const [role] = rateOverrideFields([{ name: 'Engineer' }], ['Onsite']);
		expect(role.options?.map((o) => o.value)).toEqual(['', 'Engineer', 'Onsite']);
	});

	it('asks a service item for the quantities of its plan, saying what is counted now', () => {
		const counts = { workstations: 12, servers: 2, mobiles: 0, users: 30 };
		const devices = serviceItemFields('devices', counts);
		expect(devices.map((f) => f.key)).toEqual(['cycle', 'start', 'end', 'workstations', 'servers', 'mobiles', 'priceOverride', 'dueDays', 'billToEmail']);
		expect(devices.find((f) => f.key === 'servers')?.hint).toBe('Blank: counted, 2 now.');
		expect(serviceItemFields('users', counts).filter((f) => f.kind === 'count' && f.key !== 'dueDays').map((f) => f.key)).toEqual(['users']);
		expect(serviceItemFields('flat', counts).find((f) => f.key === 'priceOverride')?.label).toBe('Price a month');
	});
});
