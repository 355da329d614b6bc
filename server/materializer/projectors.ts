import type * as Y from 'yjs';
import { projectCatalog } from '#lib/domain/catalog/projection.js';
import { projectContracts } from '#lib/domain/contracts/projection.js';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import { projectProject } from '#lib/domain/project/projection.js';
import { projectTicket } from '#lib/domain/ticket/projection.js';
import { projectTimesheet } from '#lib/domain/timesheet/projection.js';
import type { Problem } from '#lib/domain/documents/project.js';
import { parseDocName, type DocKind } from '#lib/domain/documents/names.js';
import type { ProjectedRows } from '#lib/server/repositories/projection-writes.js';
import type { StoredDoc } from '#lib/server/repositories/ydocs.js';
import { applyStored } from '#lib/server/documents/stored-doc.js';

export type Projector = (docName: string, doc: Y.Doc) => { tables: ProjectedRows; problems: Problem[] };

/** A projection's tables are every field but `problems` (each named after its projection table). */
function split<P extends { problems: Problem[] }>({ problems, ...tables }: P) {
	return { tables: tables as ProjectedRows, problems };
}

/** The projection of each document kind; a kind without one has no tables yet. */
export const PROJECTORS: Partial<Record<DocKind, Projector>> = {
	customer: (docName, doc) => split(projectCustomer(docName, doc)),
	catalog: (_docName, doc) => split(projectCatalog(doc)),
	contracts: (_docName, doc) => split(projectContracts(doc)),
	ticket: (docName, doc) => split(projectTicket(docName, doc)),
	project: (docName, doc) => split(projectProject(docName, doc)),
	timesheet: (docName, doc) => split(projectTimesheet(docName, doc))
};

export function projectorOf(docName: string): Projector | undefined {
	const kind = parseDocName(docName)?.kind;
	return kind && PROJECTORS[kind];
}

/**
 * A stored document (state + log) projected: its rows, its problems, and the
 * version they are of (the highest update in it). Undefined for a kind without
 * tables. Throws when the projector does.
 */
export function projectStored(docName: string, stored: StoredDoc) {
	const projector = projectorOf(docName);
	if (!projector) return undefined;
	const version = Math.max(stored.version, ...stored.updates.map((u) => u.seq));
	const doc = applyStored(stored);
	try {
		return { version, ...projector(docName, doc) };
	} finally {
		doc.destroy();
	}
}
