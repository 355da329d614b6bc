import type { WorkflowField } from '#lib/domain/ticket/events.js';
import { changeWorkflow, portalTicketLink, ticketLink } from '#lib/domain/ticket/edits.js';
import type { Firing } from '#lib/domain/servicedesk/rule-evaluation.js';
import { addressees, type RuleMember } from '#lib/domain/servicedesk/rule-recipients.js';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import { publishLive } from '../documents/edit-stored.js';
import { sendMail } from '../mail/mailer.js';
import { insertNotifications } from '../repositories/notifications.js';
import { contactEmails, markCreatedRulesRun, recordFirings, ruleMembers } from '../repositories/rules.js';
import { rememberFired } from './fired-keys.js';
import { writeTicketEdits } from './ticket-docs.js';

/** How many tickets' firings share one transaction: few round trips, short locks. */
const TICKETS_PER_TRANSACTION = 50;

export interface Applied {
	fired: number;
	/** tickets whose workflow fields a rule changed */
	changed: number;
	/** notifications and mails sent */
	notified: number;
}

interface Message {
	ticketId: string;
	userId: string | null;
	email: string | null;
	subject: string;
	body: string;
}

/** a customer's contact cannot open staff pages: their mail points at the ticket in their portal */
const linkFor = (m: Message) => (m.userId ? ticketLink(m.ticketId) : portalTicketLink(m.ticketId));

// a subject is one header line, whatever a template or a ticket title holds
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim().slice(0, 300);

/**
 * Applies firings: each is recorded under its key in the same transaction as
 * its workflow changes (events "by rule: NAME" in the ticket's stored
 * document) and its in-app notifications; a key already recorded (another
 * node, an earlier round) applies nothing. After the commit the changes reach
 * open copies and the mail goes out (a mail that fails is recorded in the
 * outbox, never undoes the firing). `created`: tickets whose created rules
 * this evaluation ran, marked as no longer new with their firings.
 */
export async function applyFirings(db: Db, tenantId: string, firings: Firing[], created: string[], now: Date): Promise<Applied> {
	const total: Applied = { fired: 0, changed: 0, notified: 0 };
	const byTicket = Map.groupBy(firings, (f) => f.ticketId);
	const tickets = [...byTicket.keys()];
	const pending = new Set(created);
	const [members, contacts] = await recipientsOf(db, tenantId, firings);
	for (let start = 0; start < tickets.length; start += TICKETS_PER_TRANSACTION) {
		const chunk = tickets.slice(start, start + TICKETS_PER_TRANSACTION);
		const done = chunk.filter((id) => pending.delete(id));
		const { edits, messages, fired } = await db.transaction(async (tx) => {
			const recorded = await recordFirings(tx, tenantId, chunk.flatMap((id) => byTicket.get(id)!.map((f) => ({ key: f.key, ruleId: f.rule.id, ticketId: id }))));
			const applied = chunk.flatMap((id) => byTicket.get(id)!.filter((f) => recorded.has(f.key)));
			const withChanges = Map.groupBy(applied.filter((f) => f.changes.length > 0), (f) => f.ticketId);
			const edits = await writeTicketEdits(tx, tenantId, [...withChanges.keys()], (id, doc) => {
				for (const f of withChanges.get(id)!) changeWorkflow(doc, changesOf(f), { by: `rule: ${f.rule.name}`, at: now });
			});
			const messages = applied.flatMap((f) => messagesOf(f, members, contacts));
			await insertNotifications(tx, tenantId, messages.flatMap((m) => (m.userId ? [{ userId: m.userId, kind: 'rule', title: m.subject, body: m.body, link: ticketLink(m.ticketId) }] : [])));
			await markCreatedRulesRun(tx, tenantId, done);
			return { edits, messages, fired: applied.length };
		});
		// recorded now, by this call or before it
		rememberFired(tenantId, chunk.flatMap((id) => byTicket.get(id)!.map((f) => f.key)));
		publishLive(edits);
		await mail(db, tenantId, messages);
		total.fired += fired;
		total.changed += edits.length;
		total.notified += messages.length;
	}
	await markCreatedRulesRun(db, tenantId, [...pending]);
	return total;
}

const changesOf = (f: Firing) => Object.fromEntries(f.changes.map((c) => [c.field, c.value])) as Partial<Record<WorkflowField, string>>;

async function recipientsOf(db: Db, tenantId: string, firings: Firing[]): Promise<[RuleMember[], Map<string, string>]> {
	const notifying = firings.filter((f) => f.notifications.length > 0);
	if (notifying.length === 0) return [[], new Map()];
	const contactIds = notifying.filter((f) => f.notifications.some((n) => n.to === 'contact') && f.after.contactId).map((f) => f.after.contactId!);
	return Promise.all([ruleMembers(db, tenantId), contactEmails(db, tenantId, [...new Set(contactIds)])]);
}

function messagesOf(f: Firing, members: RuleMember[], contacts: Map<string, string>): Message[] {
	const contactEmail = f.after.contactId ? (contacts.get(f.after.contactId) ?? null) : null;
	return f.notifications.flatMap((n) =>
		addressees(n.to, f.after, members, contactEmail).map((a) => ({ ticketId: f.ticketId, ...a, subject: oneLine(n.subject), body: n.body }))
	);
}

async function mail(db: Db, tenantId: string, messages: Message[]): Promise<void> {
	const { origin } = config();
	for (const m of messages) {
		if (m.email) await sendMail(db, tenantId, { to: m.email, subject: m.subject, text: `${m.body}\n\n${origin}${linkFor(m)}\n` });
	}
}
