import { packStack, type PackedStack } from '#lib/domain/stack/usage.js';
import type { DeploymentRow } from '#lib/domain/customer/projection.js';
import { parseDocName } from '#lib/domain/documents/names.js';
import type { LocalDb } from './db.js';

/**
 * The index's packed stacks (one row per customer document, see PackedStack),
 * kept in step with its deployment and customer rows: rewritten for the
 * documents whose rows were just written, in the same transaction.
 */

export type LocalStack = PackedStack & { docName: string };

/** Repacks the stacks of these customer documents (all documents when `docNames` is undefined). */
export async function repackStacks(
	tables: Pick<LocalDb, 'deployments' | 'customers' | 'stacks'>,
	docNames?: readonly string[]
): Promise<void> {
	const names = docNames?.filter((name) => parseDocName(name)?.kind === 'customer');
	if (names?.length === 0) return;
	const [deployments, customers] = await Promise.all([
		names ? tables.deployments.where('docName').anyOf(names).toArray() : tables.deployments.toArray(),
		names ? tables.customers.where('docName').anyOf(names).toArray() : tables.customers.toArray()
	]);
	const byDoc = new Map<string, DeploymentRow[]>();
	for (const d of deployments) {
		const rows = byDoc.get(d.docName);
		if (rows) rows.push(d);
		else byDoc.set(d.docName, [d]);
	}
	const customerOf = new Map(customers.map((c) => [c.docName, c]));
	const packed: LocalStack[] = [];
	const gone: string[] = [];
	for (const name of names ?? new Set([...byDoc.keys(), ...customerOf.keys()])) {
		const customerId = parseDocName(name)?.parts[0] ?? '';
		const stack = packStack(customerId, customerOf.get(name), byDoc.get(name) ?? []);
		if (stack) packed.push({ ...stack, docName: name });
		else gone.push(name);
	}
	await tables.stacks.bulkDelete(gone);
	await tables.stacks.bulkPut(packed);
}
