import { weekDays } from '#lib/domain/timesheet/weeks.js';
import { todayIn } from '#lib/domain/today.js';
import { utilization, type UtilizationSources } from '#lib/domain/people/utilization.js';
import { workload, workloadWeeks } from '#lib/domain/people/workload.js';
import type { Identity } from '../auth/sessions.js';
import { serverNow } from '../clock.js';
import type { Db } from '../db/index.js';
import { listMembers } from '../repositories/memberships.js';
import { listCapacity } from '../repositories/staff-capacity.js';
import { approvedBetween } from '../repositories/time-off.js';
import { loggedDays, loggedTotals, taskLoads, visitDays } from '../repositories/workload.js';

/** Today where the caller's company is. */
export const tenantToday = (me: Identity): string => todayIn(me.tenantTimeZone, serverNow(me.tenantId));

/**
 * The people the reports are about: everyone but billing, who log no
 * customer work and would only lower the team's figures.
 */
async function reportedPeople(db: Db, tenantId: string) {
	const members = await listMembers(db, tenantId);
	return members.filter((m) => m.role !== 'billing').map((m) => ({ userId: m.userId, name: m.name }));
}

/** Shared by both reports: who, their weeks, and their approved time off in the window. */
async function peopleAndTime(db: Db, tenantId: string, from: string, to: string) {
	const [people, capacity, timeOff] = await Promise.all([reportedPeople(db, tenantId), listCapacity(db, tenantId), approvedBetween(db, tenantId, from, to)]);
	return { people, capacity, timeOff };
}

/** The workload grid: the last two weeks, this one and the next five. */
export async function workloadReport(db: Db, me: Identity) {
	const today = tenantToday(me);
	const weeks = workloadWeeks(today);
	const from = weekDays(weeks[0])[0];
	const to = weekDays(weeks[weeks.length - 1])[6];
	const [base, tasks, visits, logged] = await Promise.all([
		peopleAndTime(db, me.tenantId, from, to),
		taskLoads(db, me.tenantId, from, to),
		visitDays(db, me.tenantId, from, to),
		loggedDays(db, me.tenantId, from, to)
	]);
	return { today, weeks, rows: workload({ weeks, ...base, tasks, visits, logged }) };
}

export async function utilizationReport(db: Db, me: Identity, period: Pick<UtilizationSources, 'from' | 'to'>) {
	const [base, logged] = await Promise.all([peopleAndTime(db, me.tenantId, period.from, period.to), loggedTotals(db, me.tenantId, period.from, period.to)]);
	return { ...period, ...utilization({ ...period, ...base, logged }) };
}
