import * as Y from 'yjs';
import { parseDocName } from '#lib/domain/documents/names.js';
import { seenKey, STAMPS } from '#lib/domain/ticket/projection.js';
import { serverNow } from '../clock.js';
import type { Db } from '../db/index.js';
import { publishLive, writeStoredEdits, type StoredEdit } from '../documents/edit-stored.js';
import { assignedNumbers, lockTicketCounter, recordNumbers } from '../repositories/ticket-numbers.js';

/**
 * Stamps the facts only the server decides into ticket documents once they
 * have reached it (decision 017): the ticket's number, and when the server
 * first saw each workflow event (a device clock ahead of it then cannot win).
 * Run after the materializer projected the tickets; the stamps are an update
 * like any other, so the next round projects them, and finds nothing more to stamp.
 * First-seen times follow the server's clock (clock.ts), so a test that moves
 * a tenant's time forward sees its devices' events stamped at that time.
 */
export async function stampTickets(db: Db, docs: { tenantId: string; docName: string }[], now: (tenantId: string) => Date = serverNow): Promise<void> {
	const byTenant = new Map<string, string[]>();
	for (const { tenantId, docName } of docs) {
		if (parseDocName(docName)?.kind === 'ticket') byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), docName]);
	}
	for (const [tenantId, names] of byTenant) publishLive(await stampTenant(db, tenantId, names.sort(), now(tenantId).toISOString()));
}

function stampTenant(db: Db, tenantId: string, names: string[], seenAt: string): Promise<StoredEdit[]> {
	return db.transaction(async (tx) => {
		let counter = await lockTicketCounter(tx, tenantId);
		const ids = names.map((name) => parseDocName(name)!.parts[0]);
		const assigned = await assignedNumbers(tx, tenantId, ids);
		const fresh: { ticketId: string; number: number }[] = [];
		// names sort by ticket id, and ids are UUIDv7: numbers follow the order tickets were made in
		const edits = await writeStoredEdits(tx, tenantId, names, (name, doc) => {
			const ticketId = parseDocName(name)!.parts[0];
			const stamps = doc.getMap(STAMPS);
			doc.transact(() => {
				if (doc.getMap('ticket').get('id') && typeof stamps.get('number') !== 'number') {
					let number = assigned.get(ticketId);
					if (number === undefined) fresh.push({ ticketId, number: (number = ++counter) });
					stamps.set('number', number);
				}
				for (const eventId of doc.getMap('events').keys()) if (!stamps.has(seenKey(eventId))) stamps.set(seenKey(eventId), seenAt);
			});
		});
		await recordNumbers(tx, tenantId, fresh, counter);
		return edits;
	});
}
