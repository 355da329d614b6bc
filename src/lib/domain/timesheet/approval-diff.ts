/**
 * What changed in a week since it was approved, record by record: the
 * approver sees each entry or expense added, removed or changed (with the
 * fields that changed) before approving the week again.
 */

export interface WeekContent {
	entries: Record<string, unknown>[];
	expenses: Record<string, unknown>[];
}

export interface RecordChange {
	collection: 'entries' | 'expenses';
	id: string;
	change: 'added' | 'removed' | 'changed';
	/** the fields that differ (changed only) */
	fields: string[];
	before: Record<string, unknown> | null;
	after: Record<string, unknown> | null;
}

export function weekChanges(approved: WeekContent | null, now: WeekContent): RecordChange[] {
	if (!approved) return [];
	return [...collectionChanges('entries', approved.entries, now.entries), ...collectionChanges('expenses', approved.expenses, now.expenses)];
}

function collectionChanges(collection: RecordChange['collection'], before: Record<string, unknown>[], after: Record<string, unknown>[]): RecordChange[] {
	const was = new Map(before.map((r) => [String(r.id), r]));
	const is = new Map(after.map((r) => [String(r.id), r]));
	const changes: RecordChange[] = [];
	for (const [id, record] of is) {
		const old = was.get(id);
		if (!old) changes.push({ collection, id, change: 'added', fields: [], before: null, after: record });
		else {
			const keys = [...new Set([...Object.keys(old), ...Object.keys(record)])].sort();
			const fields = keys.filter((k) => JSON.stringify(old[k]) !== JSON.stringify(record[k]));
			if (fields.length > 0) changes.push({ collection, id, change: 'changed', fields, before: old, after: record });
		}
	}
	for (const [id, record] of was) if (!is.has(id)) changes.push({ collection, id, change: 'removed', fields: [], before: record, after: null });
	return changes;
}
