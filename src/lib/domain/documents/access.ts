import type { Role } from '../auth/roles.js';
import type { DocName } from './names.js';

export type DocAccess = 'write' | 'read' | 'none';

export interface Reader {
	userId: string;
	tenantId: string;
	role: Role;
}

const STAFF_WRITE = new Set<DocName['kind']>(['customer', 'ticket', 'project']);
const TENANT_WIDE = new Set<DocName['kind']>(['catalog', 'contracts', 'ledger']);

/** Who may open which document, and how (the table in DESIGN.md §2). */
export function documentAccess(reader: Reader, doc: DocName): DocAccess {
	if (doc.tenantId !== reader.tenantId) return 'none';
	if (TENANT_WIDE.has(doc.kind) && doc.parts.length > 0) return 'none';
	const { role } = reader;
	const manager = role === 'owner' || role === 'admin';
	switch (doc.kind) {
		case 'catalog':
			// billing edits plans, rates and taxes; the finer split is enforced by the schema layer
			return manager || role === 'billing' ? 'write' : 'read';
		case 'contracts':
			return manager || role === 'billing' ? 'write' : 'read';
		case 'ledger':
			return 'read';
		case 'timesheet':
			return timesheetAccess(reader, doc);
		default:
			return STAFF_WRITE.has(doc.kind) && doc.parts.length === 1 ? 'write' : 'none';
	}
}

function timesheetAccess(reader: Reader, doc: DocName): DocAccess {
	const [owner, week] = doc.parts;
	if (!owner || !week || !/^\d{4}-W\d{2}$/.test(week)) return 'none';
	if (owner === reader.userId) return 'write';
	if (['owner', 'admin', 'dispatcher'].includes(reader.role)) return 'write';
	return reader.role === 'billing' ? 'read' : 'none';
}
