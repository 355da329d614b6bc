import type * as Y from 'yjs';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import type { Problem } from '#lib/domain/documents/project.js';
import { parseDocName, type DocKind } from '#lib/domain/documents/names.js';
import type { ProjectedRows } from '#lib/server/repositories/projection-writes.js';
import type { StoredDoc } from '#lib/server/repositories/ydocs.js';
import { applyStored } from '../sync/stored-doc.js';

export type Projector = (docName: string, doc: Y.Doc) => { tables: ProjectedRows; problems: Problem[] };

/** The projection of each document kind; a kind without one has no tables yet. */
export const PROJECTORS: Partial<Record<DocKind, Projector>> = {
	customer(docName, doc) {
		const { customers, sites, contacts, problems } = projectCustomer(docName, doc);
		return { tables: { customers, sites, contacts }, problems };
	}
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
