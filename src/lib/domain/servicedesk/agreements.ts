import type { CustomerContractRecord } from '../contracts/schema.js';

/**
 * The SLA policy each customer's tickets are held to, by customer id: the
 * policy its agreement names (an MSP contract, not deleted, not yet ended).
 * With several, the one that started last wins (a renewal replaces the old
 * agreement); a customer missing from the map falls back to the tenant's
 * default policy (`policyFor`).
 */
export function agreementPolicies(contracts: readonly CustomerContractRecord[], today: string): Map<string, string> {
	const best = new Map<string, CustomerContractRecord>();
	for (const contract of contracts) {
		if (contract.party !== 'msp' || contract.deletedAt || !contract.slaPolicyId) continue;
		// an agreement that has ended and does not renew no longer holds
		if (contract.renewalDate && contract.renewalDate < today && !contract.autoRenew) continue;
		const current = best.get(contract.customerId);
		if (!current || startKey(contract) > startKey(current)) best.set(contract.customerId, contract);
	}
	return new Map([...best].map(([customerId, contract]) => [customerId, contract.slaPolicyId!]));
}

// no start date counts as the oldest; ids break ties so every replica picks the same agreement
const startKey = (contract: CustomerContractRecord) => `${contract.start ?? '0000-00-00'}|${contract.id}`;
