import { parseDocName } from '#lib/domain/documents/names.js';
import { ticketLabel } from '#lib/domain/ticket/edits.js';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { sendMail } from '../mail/mailer.js';
import { insertNotifications } from '../repositories/notifications.js';
import { claimNotices, unnoticedAssignments, type AssignmentNotice } from '../repositories/ticket-notices.js';

/** The page a ticket's notifications open. */
export const ticketLink = (ticketId: string) => `/service-desk/tickets/${ticketId}`;

const title = (n: AssignmentNotice) => `${ticketLabel(n.number, n.ticketId)} is yours: ${n.title}`.replace(/[\r\n]+/g, ' ').slice(0, 300);

/**
 * Tells people of the tickets someone else assigned them, once, in the app
 * and by mail, after the materializer projected the assignment (run after
 * each round, on the round's tickets). Claimed per event in Postgres, so two
 * nodes never both tell; a failure is logged and never fails the round.
 */
export async function noticeAssignments(db: Db, docs: { tenantId: string; docName: string }[]): Promise<void> {
	const byTenant = Map.groupBy(
		docs.filter((d) => parseDocName(d.docName)?.kind === 'ticket'),
		(d) => d.tenantId
	);
	for (const [tenantId, tenantDocs] of byTenant) {
		try {
			await noticeTenant(db, tenantId, tenantDocs.map((d) => parseDocName(d.docName)!.parts[0]));
		} catch (error) {
			console.error('assignment notices:', error);
		}
	}
}

async function noticeTenant(db: Db, tenantId: string, ticketIds: string[]) {
	const candidates = await unnoticedAssignments(db, tenantId, ticketIds);
	if (candidates.length === 0) return;
	const notices = await db.transaction(async (tx) => {
		const claimed = await claimNotices(tx, tenantId, candidates.map((c) => c.eventId));
		const mine = candidates.filter((c) => claimed.has(c.eventId));
		await insertNotifications(tx, tenantId, mine.map((n) => ({ userId: n.userId, kind: 'assigned', title: title(n), body: n.by ? `Assigned by ${n.by}.` : '', link: ticketLink(n.ticketId) })));
		return mine;
	});
	const { origin } = config();
	for (const n of notices) {
		await sendMail(db, tenantId, { to: n.email, subject: title(n), text: `${n.by ? `${n.by} assigned you` : 'You were assigned'} ${ticketLabel(n.number, n.ticketId)}: ${n.title}\n\n${origin}${ticketLink(n.ticketId)}\n` });
	}
}
