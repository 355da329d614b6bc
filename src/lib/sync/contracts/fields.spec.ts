import { describe, expect, it } from 'vitest';
import { customerContractFields, inputValue, readInput, vendorContractFields, writesWhileTyping, type ContractField } from './fields.js';

const field = (fields: ContractField[], key: string) => fields.find((f) => f.key === key)!;
const agreement = customerContractFields('msp');

describe('customerContractFields', () => {
	it('asks agreements for their type and third-party contracts for their vendor', () => {
		expect(agreement.map((f) => f.key)).toContain('type');
		expect(agreement.map((f) => f.key)).not.toContain('vendorName');
		const thirdParty = customerContractFields('third-party').map((f) => f.key);
		expect(thirdParty).toContain('vendorName');
		expect(thirdParty).not.toContain('type');
		expect(thirdParty).not.toContain('slaPolicyId');
	});

	it('lets an agreement name its SLA policy, keeping a deleted one it names', () => {
		const policies = [{ id: 'p1', name: 'Premier' }];
		expect(field(customerContractFields('msp', policies), 'slaPolicyId').options).toEqual([
			{ value: '', label: 'The default policy' },
			{ value: 'p1', label: 'Premier' }
		]);
		expect(field(customerContractFields('msp', policies, 'p0'), 'slaPolicyId').options?.at(-1)).toEqual({ value: 'p0', label: 'A deleted policy' });
	});
});

describe('vendorContractFields', () => {
	it('offers the catalog’s vendors', () => {
		const vendor = field(vendorContractFields([{ id: 'v1', name: 'Datto' }]), 'vendorId');
		expect(vendor.options).toEqual([
			{ value: '', label: 'No vendor' },
			{ value: 'v1', label: 'Datto' }
		]);
	});
});

describe('readInput', () => {
	it('reads money in minor units of the currency', () => {
		expect(readInput(field(agreement, 'amountPerPeriod'), '1,200.50', 'USD')).toEqual({ ok: true, value: 120050 });
	});

	it('reads counts within their maximum', () => {
		expect(readInput(field(agreement, 'noticeDays'), '30', 'USD')).toEqual({ ok: true, value: 30 });
		expect(readInput(field(agreement, 'termMonths'), '601', 'USD').ok).toBe(false);
	});

	it('reads dates and blanks', () => {
		expect(readInput(field(agreement, 'renewalDate'), '2026-12-31', null)).toEqual({ ok: true, value: '2026-12-31' });
		expect(readInput(field(agreement, 'renewalDate'), '', null)).toEqual({ ok: true, value: null });
		expect(readInput(field(agreement, 'renewalDate'), '31/12/2026', null).ok).toBe(false);
	});

	it('keeps a required name', () => {
		expect(readInput(field(agreement, 'name'), '  ', null)).toEqual({ ok: false, error: 'Contract name is required' });
		expect(readInput(field(agreement, 'name'), 'Backup ', null, false)).toEqual({ ok: true, value: 'Backup ' });
		expect(readInput(field(agreement, 'name'), 'Backup ', null, true)).toEqual({ ok: true, value: 'Backup' });
	});

	it('checks reminder lead days', () => {
		expect(readInput(field(agreement, 'reminderDays'), '60 14', null)).toEqual({ ok: true, value: '60 14' });
		expect(readInput(field(agreement, 'reminderDays'), 'soon', null).ok).toBe(false);
		expect(readInput(field(agreement, 'reminderDays'), '', null)).toEqual({ ok: true, value: null });
	});

	it('reads choices and flags', () => {
		expect(readInput(field(agreement, 'type'), '', null)).toEqual({ ok: true, value: null });
		expect(readInput(field(agreement, 'type'), 'retainer', null)).toEqual({ ok: true, value: 'retainer' });
		expect(readInput(field(agreement, 'autoRenew'), true, null)).toEqual({ ok: true, value: true });
	});
});

describe('inputValue', () => {
	it('shows stored values in their inputs', () => {
		expect(inputValue(field(agreement, 'amountPerPeriod'), 120050, 'USD')).toBe('1200.50');
		expect(inputValue(field(agreement, 'autoRenew'), true, null)).toBe(true);
		expect(inputValue(field(agreement, 'noticeDays'), null, null)).toBe('');
		expect(inputValue(field(agreement, 'noticeDays'), 30, null)).toBe('30');
	});
});

describe('writesWhileTyping', () => {
	it('is true for text only', () => {
		expect(writesWhileTyping(field(agreement, 'name'))).toBe(true);
		expect(writesWhileTyping(field(agreement, 'amountPerPeriod'))).toBe(false);
	});
});
