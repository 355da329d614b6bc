/** The kinds of Yjs document (DESIGN.md §2). */
export const DOC_KINDS = [
	'catalog',
	'contracts',
	'ledger',
	'customer',
	'ticket',
	'project',
	'timesheet'
] as const;
export type DocKind = (typeof DOC_KINDS)[number];

const NAME =
	/^([0-9a-f-]{36}):(catalog|contracts|ledger|customer|ticket|project|timesheet)((?::[A-Za-z0-9-]+){0,2})$/;

export interface DocName {
	tenantId: string;
	kind: DocKind;
	/** the parts after the kind: `[id]` for a customer, `[userId, '2026-W47']` for a timesheet */
	parts: string[];
}

/** Parses `{tenantId}:{kind}:{id}`; null for anything the design does not allow. */
export function parseDocName(name: string): DocName | null {
	const match = NAME.exec(name);
	if (!match) return null;
	const parts = match[3] ? match[3].slice(1).split(':') : [];
	return { tenantId: match[1], kind: match[2] as DocKind, parts };
}

export function docName(tenantId: string, kind: DocKind, ...parts: string[]): string {
	return [tenantId, kind, ...parts].join(':');
}

/** The stateless message on a tenant's catalog document that says the row feed has news. */
export const ROWS_SIGNAL = 'rows';
