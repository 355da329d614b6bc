import PostalMime, { type Address, type Email } from 'postal-mime';
import type * as Y from 'yjs';
import { domainsOf, matchSender, parseAddress, type SenderMatch } from '#lib/domain/intake/match.js';
import { fit, isAutomatic, mailText, normalMessageId, referencedIds, stripQuotedReply, ticketNumberFromSubject, titleFromSubject } from '#lib/domain/intake/mail.js';
import { TRIAGE_QUEUE } from '#lib/domain/servicedesk/read.js';
import { attachFile } from '#lib/domain/documents/attachments.js';
import { addNote, changeWorkflow, newTicketId, type NewTicket } from '#lib/domain/ticket/edits.js';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/index.js';
import { publishLive, type StoredEdit } from '../documents/edit-stored.js';
import { AppError } from '../http/errors.js';
import { findMail, recordMail, setMailNote, type MailRecord, ticketByMessages, ticketByNumber, wroteTo } from '../repositories/inbound-mails.js';
import { memberByEmail, senderCandidates } from '../repositories/intake-match.js';
import { statusAfterReply } from '../repositories/ticket-statuses.js';
import { writeNewTickets, writeTicketEdits } from '../tickets/ticket-docs.js';
import type { Intake } from './keys.js';
import { keepAttachments, refusedLine } from './mail-files.js';

/**
 * `POST /api/v1/inbound-mail` (decision 018): a raw RFC 822 message, as mail
 * gateways deliver it. A new thread becomes a ticket for the sender's
 * customer; a reply that names its ticket (T-123 in the subject, or In-Reply-To
 * a mail we took in) becomes a note on it. The Message-ID is recorded in the
 * same transaction as the ticket's document, so a mail delivered twice — even
 * at once, to two nodes — is one ticket.
 */

export const MAIL_SIZE_LIMIT = 10 * 1024 * 1024;
/** what a ticket note holds (ticketNoteRecord), and a description kept to the same */
const BODY_MAX = 100_000;

export interface MailOutcome {
	/** ignored: an automatic reply (out of office, a bounce), taken in as nothing */
	action: 'created' | 'threaded' | 'duplicate' | 'ignored';
	ticketId: string | null;
	noteId: string | null;
	customerId: string | null;
	contactId: string | null;
	/** a note from an address not known for the ticket's customer is kept internal */
	visibility: 'public' | 'internal' | null;
}

interface Sender {
	address: string;
	name: string;
	/** how notes and the ticket name the sender */
	label: string;
}

export async function receiveMail(db: Db, intake: Intake, raw: Uint8Array): Promise<MailOutcome> {
	const email = await parse(raw);
	if (isAutomatic(email.headers)) return { action: 'ignored', ticketId: null, noteId: null, customerId: null, contactId: null, visibility: null };
	const sender = senderOf(email);
	const messageId = normalMessageId(email.messageId) ?? `sha256:${encodeHexLowerCase(sha256(raw))}`;
	const seen = await findMail(db, intake.tenantId, messageId);
	if (seen) return duplicate(seen);
	const match = await placeSender(db, intake.tenantId, sender);
	const thread = await threadOf(db, intake.tenantId, email);
	const record = { tenantId: intake.tenantId, messageId, sender: sender.address, subject: (email.subject ?? '').slice(0, 300) };
	const written = thread
		? await threadReply(db, intake.tenantId, thread, email, sender, match, record)
		: await newThread(db, intake.tenantId, email, sender, match, record);
	if (!written) return duplicate((await findMail(db, intake.tenantId, messageId))!);
	publishLive(written.edits);
	return written.outcome;
}

async function parse(raw: Uint8Array): Promise<Email> {
	try {
		return await PostalMime.parse(raw, { attachmentEncoding: 'base64', maxHeadersSize: 512 * 1024, maxRfc822NestingDepth: 3 });
	} catch {
		throw new AppError(400, 'invalid_mail', 'The body is not a mail message (RFC 822) that could be read.');
	}
}

function senderOf(email: Email): Sender {
	const mailbox = (address: Address | undefined) => (address && !address.group ? address : undefined);
	const from = mailbox(email.from) ?? mailbox(email.sender);
	const parsed = parseAddress(from?.address);
	if (!from || !parsed) throw new AppError(400, 'invalid_mail', 'from: the mail has no sender address.', { from: 'the mail has no sender address' });
	const name = from.name.trim().slice(0, 150);
	return { address: parsed.address, name, label: (name || parsed.address).slice(0, 200) };
}

const duplicate = (seen: { ticketId: string; noteId: string | null }): MailOutcome => ({ action: 'duplicate', ticketId: seen.ticketId, noteId: seen.noteId, customerId: null, contactId: null, visibility: null });

/** The sender's customer (and contact), or none: then the ticket waits in Triage. */
async function placeSender(db: Db, tenantId: string, sender: Sender): Promise<SenderMatch & { staff: boolean }> {
	const domains = domainsOf(parseAddress(sender.address)!.domain);
	const [{ contacts, domains: known }, member] = await Promise.all([senderCandidates(db, tenantId, sender.address, domains), memberByEmail(db, tenantId, sender.address)]);
	return { ...matchSender(sender.address, contacts, known), staff: !!member };
}

/** The ticket a reply belongs to: the number in its subject, else a mail it answers. */
async function threadOf(db: Db, tenantId: string, email: Email): Promise<string | null> {
	const number = ticketNumberFromSubject(email.subject);
	const byNumber = number === null ? undefined : await ticketByNumber(db, tenantId, number);
	if (byNumber) return byNumber.ticketId;
	return (await ticketByMessages(db, tenantId, referencedIds(email.inReplyTo, email.references)))?.ticketId ?? null;
}

type MailFacts = Omit<MailRecord, 'ticketId' | 'noteId'>;
type Written = { outcome: MailOutcome; edits: StoredEdit[] };

/** A new thread: a ticket from the mail, for the sender's customer or in Triage. */
async function newThread(db: Db, tenantId: string, email: Email, sender: Sender, match: SenderMatch, record: MailFacts): Promise<Written | null> {
	const from = match.contactId ? null : `From: ${sender.name ? `${sender.name} <${sender.address}>` : sender.address}`;
	const files = await keepAttachments(db, tenantId, email);
	const body = [from, mailText(email), refusedLine(files.refused)].filter(Boolean).join('\n\n');
	const fields: NewTicket = {
		title: titleFromSubject(email.subject),
		source: 'mail',
		description: fit(body, BODY_MAX) || null,
		customerId: match.customerId,
		contactId: match.contactId,
		queue: match.customerId ? null : TRIAGE_QUEUE.id
	};
	const ticketId = newTicketId();
	return db.transaction(async (tx) => {
		if (!(await recordMail(tx, { ...record, ticketId, noteId: null }))) return null;
		const more = (doc: Y.Doc) => files.kept.forEach((file) => attachFile(doc, file));
		const { edits } = await writeNewTickets(tx, tenantId, [{ id: ticketId, fields, more }], { by: sender.label });
		return { outcome: { action: 'created', ticketId, noteId: null, customerId: match.customerId, contactId: match.contactId, visibility: null }, edits };
	});
}

/**
 * A reply: a note on its ticket, by the sender. Public when the sender is
 * known for that ticket (its customer's contact or domain, a staff member, or
 * whoever wrote it by mail before); otherwise kept internal, since anyone can
 * put a ticket number in a subject, and public notes reach the customer.
 */
async function threadReply(db: Db, tenantId: string, ticketId: string, email: Email, sender: Sender, match: SenderMatch & { staff: boolean }, record: MailFacts): Promise<Written | null> {
	const known = match.staff || (await wroteTo(db, tenantId, ticketId, sender.address));
	const files = await keepAttachments(db, tenantId, email);
	const text = [stripQuotedReply(mailText(email)) || '(an empty reply)', refusedLine(files.refused)].filter(Boolean).join('\n\n');
	const note = { id: '', visibility: 'internal' as 'public' | 'internal' };
	return db.transaction(async (tx) => {
		if (!(await recordMail(tx, { ...record, ticketId, noteId: null }))) return null;
		// a known sender's answer to a ticket waiting on them, or done, is work again
		const resume = match.staff ? null : await statusAfterReply(tx, tenantId, ticketId);
		const edits = await writeTicketEdits(tx, tenantId, [ticketId], (_, doc) => {
			const customerId = doc.getMap('ticket').get('customerId') ?? null;
			note.visibility = known || (match.customerId !== null && match.customerId === customerId) ? 'public' : 'internal';
			const warning = note.visibility === 'internal' ? `[Kept internal: ${sender.address} is not known for this ticket's customer.]\n\n` : '';
			note.id = addNote(doc, { body: fit(warning + text, BODY_MAX), visibility: note.visibility, origin: 'mail' }, { by: sender.label });
			if (resume && note.visibility === 'public') changeWorkflow(doc, { status: resume }, { by: sender.label });
			for (const file of files.kept) attachFile(doc, file);
		});
		await setMailNote(tx, tenantId, record.messageId, note.id);
		return { outcome: { action: 'threaded', ticketId, noteId: note.id, customerId: match.customerId, contactId: match.contactId, visibility: note.visibility }, edits };
	});
}
