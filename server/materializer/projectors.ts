import type * as Y from 'yjs';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import type { Problem } from '#lib/domain/documents/project.js';
import type { DocKind } from '#lib/domain/documents/names.js';
import type { ProjectedRows } from '#lib/server/repositories/projections.js';

export type Projector = (docName: string, doc: Y.Doc) => { tables: ProjectedRows; problems: Problem[] };

/** The projection of each document kind; a kind without one has no tables yet. */
export const PROJECTORS: Partial<Record<DocKind, Projector>> = {
	customer(docName, doc) {
		const { customers, sites, contacts, problems } = projectCustomer(docName, doc);
		return { tables: { customers, sites, contacts }, problems };
	}
};
