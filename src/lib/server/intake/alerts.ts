import { alertAuthor, alertTicket, resolvedNote, repeatNote, type AlertBody } from '#lib/domain/intake/alert.js';
import { matchAlert } from '#lib/domain/intake/match.js';
import { TRIAGE_QUEUE } from '#lib/domain/servicedesk/read.js';
import { addNote, changeWorkflow, newTicketId } from '#lib/domain/ticket/edits.js';
import type { Db } from '../db/index.js';
import { publishLive, type StoredEdit } from '../documents/edit-stored.js';
import { addOccurrence, claimLink, lockLink, markNoted, relink, type AlertKey, type OccurrenceFields } from '../repositories/alert-links.js';
import { alertCandidates } from '../repositories/intake-match.js';
import { writeNewTickets, writeTicketEdits } from '../tickets/ticket-docs.js';
import { intakeDesk } from './desk.js';
import type { Intake } from './keys.js';
import { countRepeat } from './repeat-counter.js';
import { noteRepeatsSoon } from './repeat-notes.js';

/**
 * `POST /api/v1/alerts` (decision 018). A new alert makes a ticket; a repeat
 * while that ticket is open is counted on its link (one statement) and told
 * on the ticket by one coalesced note; a resolved alert resolves the ticket
 * when the tenant wants that. The link and the ticket's document are written
 * in one transaction, so duplicates at once, on any node, make one ticket.
 */

export interface AlertOutcome {
	action: 'created' | 'repeated' | 'resolved' | 'ignored';
	ticketId: string | null;
	/** the ticket's number, once the server has given it one */
	number: number | null;
	/** how many times this alert has come in for its ticket, this one included */
	occurrences: number;
}

type Written = { outcome: AlertOutcome; edits: StoredEdit[] };

const keyOf = (tenantId: string, body: AlertBody): AlertKey => ({ tenantId, source: body.source, alertKey: body.alertKey });
const occurrenceOf = (body: AlertBody): OccurrenceFields => ({ severity: body.severity, title: body.title ?? '', message: body.message });

export async function receiveAlert(db: Db, intake: Intake, body: AlertBody): Promise<AlertOutcome> {
	const { done, resolved } = await intakeDesk(db, intake.tenantId);
	const key = keyOf(intake.tenantId, body);
	if (body.state === 'resolved') return resolveAlert(db, intake, key, body, done, resolved);
	for (;;) {
		const repeat = await countRepeat(db, key, done, occurrenceOf(body));
		if (repeat) {
			noteRepeatsSoon(db, key.tenantId);
			return { action: 'repeated', ...repeat };
		}
		// the first of a storm makes the ticket; the rest on this node wait for it and count as repeats
		const making = opening.get(openingId(key));
		if (!making) return makeTicketOnce(db, key, body, done);
		await making.catch(() => undefined);
	}
}

const opening = new Map<string, Promise<AlertOutcome>>();
const openingId = (k: AlertKey) => `${k.tenantId}|${k.source}|${k.alertKey}`;

async function makeTicketOnce(db: Db, key: AlertKey, body: AlertBody, done: string[]): Promise<AlertOutcome> {
	const making = openAlert(db, key, body, done);
	opening.set(openingId(key), making);
	try {
		return await making;
	} finally {
		opening.delete(openingId(key));
	}
}

/** The first alert of its key (or the first since its ticket was closed): a ticket, unless a concurrent one made it. */
async function openAlert(db: Db, key: AlertKey, body: AlertBody, done: string[]): Promise<AlertOutcome> {
	const { customers, devices } = await alertCandidates(db, key.tenantId, body.customer, body.device);
	const fields = alertTicket(body, matchAlert(customers, devices), TRIAGE_QUEUE.id);
	const author = { by: alertAuthor(body.source) };
	const ticketId = newTicketId();
	const created = async (tx: Db): Promise<Written> => {
		const { edits } = await writeNewTickets(tx, key.tenantId, [{ id: ticketId, fields }], author);
		return { outcome: { action: 'created', ticketId, number: null, occurrences: 1 }, edits };
	};
	const { outcome, edits } = await db.transaction(async (tx): Promise<Written> => {
		if (await claimLink(tx, key, ticketId, occurrenceOf(body))) return created(tx);
		// another request made the link meanwhile (it waited for that one to commit): a repeat, or its ticket is done
		const link = (await lockLink(tx, key, done))!;
		if (!link.resolvedAt && !link.ticketDone) {
			const occurrences = await addOccurrence(tx, key, occurrenceOf(body));
			return { outcome: { action: 'repeated', ticketId: link.ticketId, number: link.number, occurrences }, edits: [] };
		}
		await relink(tx, key, ticketId, occurrenceOf(body));
		return created(tx);
	});
	publishLive(edits);
	if (outcome.action === 'repeated') noteRepeatsSoon(db, key.tenantId);
	return outcome;
}

/** The source says the alert is over: notes on the ticket, and its status resolved when the tenant wants that. */
async function resolveAlert(db: Db, intake: Intake, key: AlertKey, body: AlertBody, done: string[], resolvedStatus: string): Promise<AlertOutcome> {
	const author = { by: alertAuthor(body.source) };
	const { outcome, edits } = await db.transaction(async (tx): Promise<Written> => {
		const link = await lockLink(tx, key, done);
		if (!link || link.resolvedAt) return { outcome: { action: 'ignored', ticketId: link?.ticketId ?? null, number: link?.number ?? null, occurrences: link?.occurrences ?? 0 }, edits: [] };
		const resolves = intake.alertResolves && !link.ticketDone;
		const edits = await writeTicketEdits(tx, key.tenantId, [link.ticketId], (_, doc) =>
			doc.transact(() => {
				// repeats still waiting for their note are told first, so the thread reads in order
				const waiting = link.occurrences - link.noted;
				if (waiting > 0) addNote(doc, { body: repeatNote(waiting, link.occurrences, { ...link, at: link.lastAt.toISOString() }), visibility: 'internal', origin: 'alert' }, author);
				addNote(doc, { body: resolvedNote(body, resolves), visibility: 'internal', origin: 'alert' }, author);
				if (resolves) changeWorkflow(doc, { status: resolvedStatus }, author);
			})
		);
		// with the setting off the ticket stays open, and so does the link: repeats still land on it
		await markNoted(tx, key, link.occurrences, intake.alertResolves || link.ticketDone);
		return { outcome: { action: 'resolved', ticketId: link.ticketId, number: link.number, occurrences: link.occurrences }, edits };
	});
	publishLive(edits);
	return outcome;
}
