import { parseDocName } from '#lib/domain/documents/names.js';
import { portalTicketLink, ticketLabel, ticketLink } from '#lib/domain/ticket/edits.js';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { sendMail } from '../mail/mailer.js';
import { insertNotifications } from '../repositories/notifications.js';
import { claimNotices, unmailedPublicNotes, unnoticedAssignments, type AssignmentNotice, type NoteMail } from '../repositories/ticket-notices.js';

// public notes older than this when first projected (a device offline for days) are not mailed late
const NOTE_MAIL_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

// a subject is one header line, whatever a ticket's title holds
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 300);

/**
 * What people hear of tickets once the materializer has projected them (run
 * after each round, on the round's tickets): whoever someone else assigned a
 * ticket to, in the app and by mail; the ticket's contact, by mail, of each
 * public note from staff, with the number in the subject so a reply threads
 * back onto the ticket. Each is claimed once in Postgres, so two nodes never
 * both send; a failure is logged and never fails the round.
 */
export async function sendTicketNotices(db: Db, docs: { tenantId: string; docName: string }[], now = new Date()): Promise<void> {
	const byTenant = Map.groupBy(
		docs.filter((d) => parseDocName(d.docName)?.kind === 'ticket'),
		(d) => d.tenantId
	);
	for (const [tenantId, tenantDocs] of byTenant) {
		const ticketIds = tenantDocs.map((d) => parseDocName(d.docName)!.parts[0]);
		try {
			await tellAssignees(db, tenantId, await unnoticedAssignments(db, tenantId, ticketIds));
			await mailContacts(db, tenantId, await unmailedPublicNotes(db, tenantId, ticketIds, new Date(now.getTime() - NOTE_MAIL_WINDOW_MS)));
		} catch (error) {
			console.error('ticket notices:', error);
		}
	}
}

/** Claims the items in one transaction with what it records; returns the ones this node got. */
async function claim<T>(db: Db, tenantId: string, items: T[], idOf: (item: T) => string, record: (tx: Db, mine: T[]) => Promise<void> = async () => {}): Promise<T[]> {
	if (items.length === 0) return [];
	return db.transaction(async (tx) => {
		const claimed = await claimNotices(tx, tenantId, items.map(idOf));
		const mine = items.filter((item) => claimed.has(idOf(item)));
		await record(tx, mine);
		return mine;
	});
}

const assignedTitle = (n: AssignmentNotice) => oneLine(`${ticketLabel(n.number, n.ticketId)} is yours: ${n.title}`);

async function tellAssignees(db: Db, tenantId: string, candidates: AssignmentNotice[]) {
	const notices = await claim(db, tenantId, candidates, (n) => n.eventId, (tx, mine) =>
		insertNotifications(tx, tenantId, mine.map((n) => ({ userId: n.userId, kind: 'assigned', title: assignedTitle(n), body: n.by ? `Assigned by ${n.by}.` : '', link: ticketLink(n.ticketId) })))
	);
	const { origin } = config();
	for (const n of notices) {
		const text = `${n.by ? `${n.by} assigned you` : 'You were assigned'} ${ticketLabel(n.number, n.ticketId)}: ${n.title}\n\n${origin}${ticketLink(n.ticketId)}\n`;
		await sendMail(db, tenantId, { to: n.email, subject: assignedTitle(n), text });
	}
}

async function mailContacts(db: Db, tenantId: string, candidates: NoteMail[]) {
	const notes = await claim(db, tenantId, candidates, (n) => n.noteId);
	const { origin } = config();
	for (const n of notes) {
		const text = `${n.by ?? 'Your IT provider'} wrote:\n\n${n.body}\n\nReply to this mail, or follow your request at ${origin}${portalTicketLink(n.ticketId)}\n`;
		await sendMail(db, tenantId, { to: n.email, subject: oneLine(`[${ticketLabel(n.number, n.ticketId)}] ${n.title}`), text });
	}
}
