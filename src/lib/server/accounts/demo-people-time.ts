import { v7 as uuidv7 } from 'uuid';
import { nextWeek, weekDays, weekOfDate } from '#lib/domain/timesheet/weeks.js';
import type { Db } from '../db/index.js';
import { upsertCapacity } from '../repositories/staff-capacity.js';
import { insertTimeOff, setTimeOffStatus } from '../repositories/time-off.js';
import type { DemoStaff } from './demo-service-desk.js';

/**
 * The demo's time off and capacity, relative to the day it is seeded: the
 * tech works a short Friday and has next Friday off (approved by the owner),
 * and the dispatcher's half day the week after waits for a decision, so the
 * workload view and the approver's list both have something to show.
 */
export async function storeDemoPeopleTime(db: Db, tenantId: string, today: string, staff: DemoStaff[]): Promise<void> {
	const owner = staff.find((s) => s.role === 'owner');
	const tech = staff.find((s) => s.role === 'technician');
	const dispatcher = staff.find((s) => s.role === 'dispatcher');
	if (!owner || !tech || !dispatcher) return;
	const next = nextWeek(weekOfDate(today));
	const friday = weekDays(next)[4];
	const later = weekDays(nextWeek(next))[2];
	await upsertCapacity(db, { tenantId, userId: tech.id, minutes: [480, 480, 480, 480, 360, 0, 0], updatedBy: owner.id });
	const approved = uuidv7();
	await insertTimeOff(db, { tenantId, id: approved, userId: tech.id, kind: 'vacation', start: friday, end: friday, minutesPerDay: null, note: 'Long weekend away', createdBy: tech.id });
	await setTimeOffStatus(db, { tenantId, id: approved, status: 'approved', by: owner.id, comment: 'Enjoy it — Dana covers the desk.' });
	await insertTimeOff(db, { tenantId, id: uuidv7(), userId: dispatcher.id, kind: 'personal', start: later, end: later, minutesPerDay: 240, note: 'Parent–teacher meeting in the afternoon', createdBy: dispatcher.id });
}
