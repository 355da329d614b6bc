import { v7 as uuidv7 } from 'uuid';
import { can, rolesFor } from '#lib/domain/auth/roles.js';
import { workingDays } from '#lib/domain/people/capacity.js';
import { describeSpan, KIND_LABELS, REJECT_NEEDS_COMMENT, STATUS_LABELS, type TimeOffInput } from '#lib/domain/people/time-off.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { insertNotifications, membersWithRoles } from '../repositories/notifications.js';
import * as repo from '../repositories/time-off.js';
import { capacityOf, requireMember } from './capacity.js';

export type { TimeOffRequest } from '../repositories/time-off.js';

const NO_SUCH_REQUEST = 'No such time-off request.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LINK = '/timesheets/time-off';

const describe = (r: Pick<repo.TimeOffRequest, 'kind' | 'start' | 'end'>) => `${KIND_LABELS[r.kind]}, ${describeSpan(r)}`;

function overlapError(clash: repo.TimeOffRequest): AppError {
	return new AppError(409, 'overlaps_approved', `It overlaps approved time off (${describe(clash)}): change or cancel that one first.`);
}

/**
 * A person asks for time off (an approver may ask for someone else: a sick
 * day phoned in). It must cover a day they work and must not share a day with
 * time off already approved; approvers hear of it.
 */
export async function requestTimeOff(db: Db, me: Identity, input: TimeOffInput): Promise<repo.TimeOffRequest> {
	const userId = input.userId ?? me.userId;
	if (userId !== me.userId && !can(me.role, 'timeoff.decide')) throw forbidden('Only an approver can ask for time off for someone else.');
	await requireMember(db, me.tenantId, userId);
	if (workingDays(await capacityOf(db, me.tenantId, userId), input.start, input.end).length === 0) {
		const message = 'These are all days off already: pick at least one working day.';
		throw invalid(message, { start: message });
	}
	const clash = await repo.approvedOverlap(db, me.tenantId, userId, input, null);
	if (clash) throw overlapError(clash);
	const id = uuidv7();
	const approvers = (await membersWithRoles(db, me.tenantId, rolesFor('timeoff.decide'))).filter((a) => a.userId !== userId);
	await db.transaction(async (tx) => {
		await repo.insertTimeOff(tx, { tenantId: me.tenantId, id, userId, kind: input.kind, start: input.start, end: input.end, minutesPerDay: input.minutesPerDay, note: input.note, createdBy: me.userId });
		await appendAudit(tx, { tenantId: me.tenantId, actorId: me.userId, action: 'timeoff.requested', subject: describe(input), data: { requestId: id, userId } });
		await insertNotifications(tx, me.tenantId, approvers.map((a) => ({ userId: a.userId, kind: 'time-off', title: `${me.name} asks for time off: ${describe(input)}`, body: input.note ?? '', link: LINK })));
	});
	return (await repo.findTimeOff(db, me.tenantId, id))!;
}

/** The caller's own requests, and for approvers everyone's that wait for a decision. */
export async function timeOffOverview(db: Db, me: Identity) {
	const [mine, pending] = await Promise.all([
		repo.listTimeOff(db, me.tenantId, { userId: me.userId }),
		can(me.role, 'timeoff.decide') ? repo.listTimeOff(db, me.tenantId, { status: 'requested' }) : Promise.resolve([])
	]);
	return { mine, pending };
}

/** Requests the caller may see: their own, or everyone's for an approver. */
export function listTimeOff(db: Db, me: Identity, filter: { userId?: string; status?: repo.TimeOffRequest['status'] }) {
	if (!can(me.role, 'timeoff.decide')) {
		if (filter.userId && filter.userId !== me.userId) throw forbidden('You see your own time off; approvers see everyone\'s.');
		return repo.listTimeOff(db, me.tenantId, { ...filter, userId: me.userId });
	}
	return repo.listTimeOff(db, me.tenantId, filter);
}

/** The request, locked; 404 for an id that is not this company's (another company's ids do not exist here). */
async function lockOwn(tx: Db, me: Identity, id: string): Promise<repo.TimeOffRequest> {
	const request = UUID.test(id) ? await repo.lockTimeOff(tx, me.tenantId, id) : undefined;
	if (!request) throw notFound(NO_SUCH_REQUEST);
	return request;
}

const decidedAlready = (r: repo.TimeOffRequest) => conflict('already_decided', `This request is ${STATUS_LABELS[r.status].toLowerCase()} already.`);

/**
 * An approver approves or rejects a waiting request, once: a second decision
 * (two approvers at once) is refused. An approval that would overlap time off
 * approved since is refused too; a rejection must say why.
 */
export async function decideTimeOff(db: Db, me: Identity, id: string, verdict: 'approved' | 'rejected', comment: string | null): Promise<repo.TimeOffRequest> {
	if (verdict === 'rejected' && !comment) throw invalid(REJECT_NEEDS_COMMENT, { comment: REJECT_NEEDS_COMMENT });
	const request = await db.transaction(async (tx) => {
		const request = await lockOwn(tx, me, id);
		if (request.status !== 'requested') throw decidedAlready(request);
		if (verdict === 'approved') {
			const clash = await repo.approvedOverlap(tx, me.tenantId, request.userId, request, request.id);
			if (clash) throw overlapError(clash);
		}
		await repo.setTimeOffStatus(tx, { tenantId: me.tenantId, id, status: verdict, by: me.userId, comment });
		await appendAudit(tx, { tenantId: me.tenantId, actorId: me.userId, action: `timeoff.${verdict}`, subject: describe(request), data: { requestId: id, userId: request.userId, comment } });
		if (request.userId !== me.userId) {
			const title = `${me.name} ${verdict === 'approved' ? 'approved' : 'rejected'} your time off: ${describe(request)}`;
			await insertNotifications(tx, me.tenantId, [{ userId: request.userId, kind: 'time-off', title, body: comment ?? '', link: LINK }]);
		}
		return request;
	});
	return (await repo.findTimeOff(db, me.tenantId, request.id))!;
}

/** The person (or an approver) withdraws a request that waits or was approved; its days count as worked again. */
export async function cancelTimeOff(db: Db, me: Identity, id: string): Promise<repo.TimeOffRequest> {
	await db.transaction(async (tx) => {
		const request = await lockOwn(tx, me, id);
		if (request.userId !== me.userId && !can(me.role, 'timeoff.decide')) throw notFound(NO_SUCH_REQUEST);
		if (request.status === 'rejected' || request.status === 'cancelled') throw decidedAlready(request);
		await repo.setTimeOffStatus(tx, { tenantId: me.tenantId, id, status: 'cancelled', by: me.userId, comment: null });
		await appendAudit(tx, { tenantId: me.tenantId, actorId: me.userId, action: 'timeoff.cancelled', subject: describe(request), data: { requestId: id, userId: request.userId, was: request.status } });
	});
	return (await repo.findTimeOff(db, me.tenantId, id))!;
}

/** One request the caller may see. */
export async function getTimeOff(db: Db, me: Identity, id: string): Promise<repo.TimeOffRequest> {
	const request = UUID.test(id) ? await repo.findTimeOff(db, me.tenantId, id) : undefined;
	if (!request || (request.userId !== me.userId && !can(me.role, 'timeoff.decide'))) throw notFound(NO_SUCH_REQUEST);
	return request;
}
