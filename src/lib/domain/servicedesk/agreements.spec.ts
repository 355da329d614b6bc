import { describe, expect, it } from 'vitest';
import type { CustomerContractRecord } from '../contracts/schema.js';
import { customerContract } from '../stack/fixtures.js';
import { agreementPolicies } from './agreements.js';

const contract = (id: string, fields: Partial<CustomerContractRecord>) => customerContract(id, fields.customerId ?? 'c1', fields);

describe('the SLA policy of a customer’s agreement', () => {
	it('takes the policy the agreement names, the latest started when there are several', () => {
		const map = agreementPolicies(
			[
				contract('a', { slaPolicyId: 'gold', start: '2025-01-01' }),
				contract('b', { slaPolicyId: 'platinum', start: '2026-01-01' }),
				contract('c', { customerId: 'c2', slaPolicyId: 'silver' })
			],
			'2026-06-01'
		);
		expect(map).toEqual(new Map([['c1', 'platinum'], ['c2', 'silver']]));
	});

	it('ignores third-party contracts, deleted agreements, those without a policy and ended ones', () => {
		const map = agreementPolicies(
			[
				contract('a', { party: 'third-party', slaPolicyId: 'gold' }),
				contract('b', { slaPolicyId: 'gold', deletedAt: '2026-01-01T00:00:00.000Z' }),
				contract('c', { start: '2026-01-01' }),
				contract('d', { slaPolicyId: 'gold', renewalDate: '2026-03-01' }),
				contract('e', { customerId: 'c2', slaPolicyId: 'silver', renewalDate: '2026-03-01', autoRenew: true })
			],
			'2026-06-01'
		);
		expect(map).toEqual(new Map([['c2', 'silver']]));
	});
});
