import { docName } from '#lib/domain/documents/names.js';
import { doneStatuses, readServiceDesk } from '#lib/domain/servicedesk/read.js';
import type { Db } from '../db/index.js';
import { applyStored } from '../documents/stored-doc.js';
import { loadStoredDoc } from '../repositories/ydocs.js';

/** What intake needs from a tenant's service desk settings (the catalog document). */
export interface IntakeDesk {
	/** statuses that end a ticket's work: an alert whose ticket is in one makes a new ticket */
	done: string[];
	/** the status a resolved alert sets */
	resolved: string;
}

// an alert storm must not read the catalog document for every alert: a few seconds' staleness is harmless
const TTL_MS = 5_000;
const cache = new Map<string, { at: number; desk: Promise<IntakeDesk> }>();

export function intakeDesk(db: Db, tenantId: string, now = Date.now()): Promise<IntakeDesk> {
	const hit = cache.get(tenantId);
	if (hit && now - hit.at < TTL_MS) return hit.desk;
	const desk = readDesk(db, tenantId);
	cache.set(tenantId, { at: now, desk });
	desk.catch(() => cache.delete(tenantId));
	return desk;
}

async function readDesk(db: Db, tenantId: string): Promise<IntakeDesk> {
	const doc = applyStored(await loadStoredDoc(db, tenantId, docName(tenantId, 'catalog')));
	try {
		const done = [...doneStatuses(readServiceDesk(doc))];
		return { done, resolved: done.includes('resolved') ? 'resolved' : (done[0] ?? 'resolved') };
	} finally {
		doc.destroy();
	}
}
