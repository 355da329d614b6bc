import { v7 as uuidv7 } from 'uuid';
import type * as Y from 'yjs';
import { rolesFor } from '#lib/domain/auth/roles.js';
import type { PortalContact, PortalProfile } from '#lib/domain/portal/company.js';
import { describeProposal, proposedChanges, type ProposalInput } from '#lib/domain/portal/proposals.js';
import type { Db } from '../db/index.js';
import type { Identity } from '../auth/sessions.js';
import { publishLive, writeStoredEdits } from '../documents/edit-stored.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import { sendMail } from '../mail/mailer.js';
import { appendAudit } from '../repositories/audit.js';
import { insertNotifications, membersWithRoles } from '../repositories/notifications.js';
import { isPortalSite, readPortalRecord } from '../repositories/portal-company.js';
import * as repo from '../repositories/portal-proposals.js';
import type { PortalIdentity } from './accounts.js';
import { applyProposal, customerDocName } from './apply-proposal.js';

/** Proposals waiting per company before the portal asks the contact to wait for a review. */
export const MAX_PENDING_PER_COMPANY = 20;

/** The record a proposal is made against, as the portal shows it; 404 when it is not the company's. */
async function currentRecord(db: Db, who: PortalIdentity, input: ProposalInput): Promise<Partial<PortalProfile & PortalContact>> {
	if (input.kind === 'new-contact') return {};
	const what = input.kind === 'profile' ? 'profile' : { contactId: input.contactId };
	const record = await readPortalRecord(db, who.tenantId, who.customerId, what);
	if (!record) throw notFound(input.kind === 'profile' ? 'Your company is not in the portal yet.' : 'No such contact at your company.');
	return record;
}

/** A contact of the company proposes a change; the people who review customers are notified. */
export async function proposeChange(db: Db, who: PortalIdentity, input: ProposalInput): Promise<repo.Proposal> {
	const current = await currentRecord(db, who, input);
	const fields = input.kind === 'contact-left' ? {} : input.fields;
	if ('siteId' in fields && fields.siteId && !(await isPortalSite(db, who.tenantId, who.customerId, fields.siteId))) {
		throw invalid('Pick one of your sites.', { siteId: 'Pick one of your sites.' });
	}
	const changes = proposedChanges(current, fields);
	if ((input.kind === 'profile' || input.kind === 'contact') && Object.keys(changes).length === 0) {
		throw invalid('Nothing would change: every value is as it is now.');
	}
	if ((await repo.countPendingProposals(db, who.tenantId, who.customerId)) >= MAX_PENDING_PER_COMPANY) {
		throw new AppError(429, 'too_many_proposals', `Your company has ${MAX_PENDING_PER_COMPANY} suggestions waiting; your IT provider reviews those first.`);
	}
	const subject = String(input.kind === 'new-contact' ? input.fields.name : current.name);
	const proposal = {
		tenantId: who.tenantId,
		id: uuidv7(),
		customerId: who.customerId,
		portalUserId: who.portalUserId,
		proposedBy: who.name,
		kind: input.kind,
		contactId: 'contactId' in input ? input.contactId : null,
		subject,
		changes,
		note: input.note ?? null
	};
	const reviewers = await membersWithRoles(db, who.tenantId, rolesFor('proposals.review'));
	await db.transaction(async (tx) => {
		await repo.insertProposal(tx, proposal);
		await insertNotifications(
			tx,
			who.tenantId,
			reviewers.map((r) => ({
				userId: r.userId,
				kind: 'proposal',
				title: `${who.name} suggests a change: ${describeProposal(proposal)}`,
				body: proposal.note ?? '',
				link: `/customers/${who.customerId}#proposals`
			}))
		);
	});
	return (await repo.findProposal(db, who.tenantId, proposal.id))!;
}

export const listProposals = (db: Db, me: Identity, filter: { customerId?: string; status?: repo.ProposalStatus }) =>
	repo.listProposals(db, me.tenantId, filter);

async function notPending(db: Db, tenantId: string, id: string): Promise<AppError> {
	const proposal = await repo.findProposal(db, tenantId, id);
	return proposal ? conflict('already_decided', `This proposal was ${proposal.status} already.`) : notFound('No such proposal.');
}

/**
 * Writes an accepted proposal into the customer document on the reviewer's
 * behalf, in one transaction with the decision: accepted means written, and a
 * proposal is accepted once however many people press the button.
 */
export async function acceptProposal(db: Db, me: Identity, id: string, note: string | null): Promise<repo.Proposal> {
	const { proposal, edits } = await db.transaction(async (tx) => {
		const proposal = await repo.lockPendingProposal(tx, me.tenantId, id);
		if (!proposal) throw await notPending(tx, me.tenantId, id);
		let refusal: AppError | null = null;
		const edits = await writeStoredEdits(tx, me.tenantId, [customerDocName(me.tenantId, proposal.customerId)], (_name, doc: Y.Doc) => {
			refusal = applyProposal(doc, proposal, `${me.name} (proposed by ${proposal.proposedBy})`);
		});
		if (refusal) throw refusal;
		await decide(tx, me, proposal, 'accepted', note);
		return { proposal, edits };
	});
	publishLive(edits);
	await tellProposer(db, me, proposal, 'accepted', note);
	return (await repo.findProposal(db, me.tenantId, id))!;
}

export async function declineProposal(db: Db, me: Identity, id: string, note: string | null): Promise<repo.Proposal> {
	const proposal = await db.transaction(async (tx) => {
		const proposal = await repo.lockPendingProposal(tx, me.tenantId, id);
		if (!proposal) throw await notPending(tx, me.tenantId, id);
		await decide(tx, me, proposal, 'declined', note);
		return proposal;
	});
	await tellProposer(db, me, proposal, 'declined', note);
	return (await repo.findProposal(db, me.tenantId, id))!;
}

async function decide(tx: Db, me: Identity, proposal: repo.Proposal, status: 'accepted' | 'declined', note: string | null) {
	await repo.decideProposal(tx, { tenantId: me.tenantId, id: proposal.id, status, userId: me.userId, userName: me.name, note });
	await appendAudit(tx, {
		tenantId: me.tenantId,
		actorId: me.userId,
		action: `portal.proposal.${status}`,
		subject: describeProposal(proposal),
		data: { proposalId: proposal.id, customerId: proposal.customerId, changes: proposal.changes }
	});
}

/** Tells the contact what became of their suggestion; a mail that cannot go out does not undo the decision. */
async function tellProposer(db: Db, me: Identity, proposal: repo.Proposal, status: 'accepted' | 'declined', note: string | null) {
	const to = await repo.proposerEmail(db, me.tenantId, proposal.id);
	if (!to) return;
	const verdict = status === 'accepted' ? 'made the change you suggested' : 'did not make the change you suggested';
	await sendMail(db, me.tenantId, {
		to,
		subject: `${me.tenantName} ${verdict}`,
		text: `${describeProposal(proposal)}\n\n${me.tenantName} ${verdict}.${note ? `\n\nTheir note: ${note}` : ''}`
	}).catch((error: unknown) => console.error('cannot mail the decision on a portal proposal:', error));
}
