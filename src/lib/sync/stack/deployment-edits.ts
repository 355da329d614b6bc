import type * as Y from 'yjs';
import { changedQuantity, deploymentToUpdate, type QuantityChange } from '#lib/domain/stack/rollout.js';
import { addRecord, readRecords, updateRecord } from '#lib/domain/customer/edits.js';

/**
 * Changes to a customer's stack made from the product side (rollouts, bulk
 * quantity changes), as plain functions of the customer's Y.Doc. They go
 * through the customer edits, so each lands in the customer's history.
 */

export type EditOutcome = 'added' | 'updated' | 'unchanged';

/**
 * Deploys a product: a customer that already runs it gets the new quantity
 * on its existing deployment (see deploymentToUpdate), not a second one.
 */
export function rollOut(doc: Y.Doc, productId: string, deployment: { quantity: number; since: string | null }): EditOutcome {
	const existing = deploymentToUpdate(readRecords(doc, 'deployments'), productId);
	if (!existing) {
		addRecord(doc, 'deployments', { productId, quantity: deployment.quantity, since: deployment.since, siteId: null, notes: null });
		return 'added';
	}
	if (existing.quantity === deployment.quantity) return 'unchanged';
	updateRecord(doc, 'deployments', String(existing.id), { quantity: deployment.quantity });
	return 'updated';
}

/** Sets or adds to the quantity of deployments of this customer; a deployment deleted meanwhile is left alone. */
export function changeQuantities(doc: Y.Doc, deploymentIds: readonly string[], change: QuantityChange): EditOutcome {
	const wanted = new Set(deploymentIds);
	let outcome: EditOutcome = 'unchanged';
	for (const record of readRecords(doc, 'deployments')) {
		if (!wanted.has(String(record.id)) || record.deletedAt) continue;
		const current = typeof record.quantity === 'number' ? record.quantity : 0;
		const next = changedQuantity(current, change);
		if (next === current) continue;
		updateRecord(doc, 'deployments', String(record.id), { quantity: next });
		outcome = 'updated';
	}
	return outcome;
}
