import * as Y from 'yjs';
import { formatDay, requireDay } from '#lib/domain/contracts/days.js';
import { addPhase, addTask, createProject, moveTask, newId, projectDocName, setDependencies, type NewTask } from '#lib/domain/project/edits.js';
import { projectProject } from '#lib/domain/project/projection.js';
import { addEntry, submitTimesheet, type EntryFields } from '#lib/domain/timesheet/edits.js';
import { projectTimesheet } from '#lib/domain/timesheet/projection.js';
import { previousWeek, timesheetDocName, weekDays, weekOfDate } from '#lib/domain/timesheet/weeks.js';
import type { DemoStaff, DemoTicketDoc } from './demo-service-desk.js';

/**
 * The demo's projects and timesheets, relative to the day it is seeded: a
 * mail migration under way for Fabrikam Legal (phases, dependencies, a
 * fixed-price milestone, work in every column), an onboarding template to
 * start new customers from, and the tech's weeks — last week submitted and
 * waiting for approval, this week being filled in — on tickets and tasks.
 */

type TaskPlan = NewTask & { column?: string; after?: string };

function projectDoc(tenantId: string, fields: Parameters<typeof createProject>[2], phases: string[], tasks: (phase: string[]) => Record<string, TaskPlan>) {
	const id = newId();
	const doc = new Y.Doc({ guid: 'demo' });
	createProject(doc, id, fields);
	const phaseIds = phases.map((name) => addPhase(doc, { name }));
	const ids = new Map<string, string>();
	for (const [key, { column, after, ...task }] of Object.entries(tasks(phaseIds))) {
		const taskId = addTask(doc, task);
		ids.set(key, taskId);
		if (column) moveTask(doc, taskId, column, 0);
		if (after) setDependencies(doc, taskId, [ids.get(after)!]);
	}
	const name = projectDocName(tenantId, id);
	return { id, ids, name, doc, project: (d: Y.Doc) => projectProject(name, d) };
}

export function demoProjects(tenantId: string, customerId: string, tech: DemoStaff, today: string) {
	const day = (n: number) => formatDay(requireDay(today) + n);
	const migration = projectDoc(
		tenantId,
		{ name: 'Microsoft 365 mail migration', customerId, status: 'active', start: day(-14), due: day(21), budgetMinutes: 60 * 60, budgetMoney: 900000 },
		['Plan', 'Migrate', 'Hand over'],
		([plan, migrate, handOver]) => ({
			audit: { title: 'Audit mailboxes and shared calendars', phaseId: plan, assignees: [tech.id], estimateMinutes: 240, start: day(-14), due: day(-10), column: 'done' },
			dns: { title: 'Lower DNS TTLs and plan the MX cut-over', phaseId: plan, assignees: [tech.id], estimateMinutes: 120, start: day(-9), due: day(-7), column: 'done', after: 'audit' },
			pilot: { title: 'Pilot: migrate the partners’ mailboxes', phaseId: migrate, assignees: [tech.id], estimateMinutes: 480, start: day(-6), due: day(2), column: 'doing', after: 'dns' },
			bulk: { title: 'Migrate the remaining 40 mailboxes', phaseId: migrate, assignees: [tech.id], estimateMinutes: 1200, start: day(3), due: day(12), after: 'pilot' },
			mx: { title: 'Cut over MX records', phaseId: migrate, estimateMinutes: 60, start: day(13), due: day(13), after: 'bulk' },
			training: { title: 'Outlook training for the front office', phaseId: handOver, estimateMinutes: 180, start: day(14), due: day(18), after: 'mx' },
			live: { title: 'Go-live sign-off', phaseId: handOver, milestone: true, fixedPrice: 450000, start: day(21), due: day(21), after: 'training' }
		})
	);
	const onboarding = projectDoc(
		tenantId,
		{ name: 'New customer onboarding', template: true, start: day(0), due: day(20), budgetMinutes: 24 * 60 },
		['Discovery', 'Roll-out'],
		([discovery, rollOut]) => ({
			walk: { title: 'Site walk and network survey', phaseId: discovery, estimateMinutes: 240, start: day(0), due: day(2) },
			docs: { title: 'Document the stack: licences, devices, passwords', phaseId: discovery, estimateMinutes: 360, start: day(3), due: day(6), after: 'walk' },
			agents: { title: 'Deploy monitoring and security agents', phaseId: rollOut, estimateMinutes: 480, start: day(7), due: day(13), after: 'docs' },
			backup: { title: 'Set up backups and test a restore', phaseId: rollOut, estimateMinutes: 240, start: day(14), due: day(18), after: 'agents' },
			review: { title: 'Onboarding review with the customer', phaseId: rollOut, milestone: true, start: day(20), due: day(20), after: 'backup' }
		})
	);
	return { migration, onboarding };
}

/** The tech's last week (submitted) and this week so far, on the demo's tickets and the migration's tasks. */
export function demoWeeks(tenantId: string, tech: DemoStaff, today: string, tickets: DemoTicketDoc[], tasks: { projectId: string; customerId: string; ids: ReadonlyMap<string, string> }) {
	const thisWeek = weekOfDate(today);
	const lastWeek = previousWeek(thisWeek);
	const task = (key: string) => ({ taskId: tasks.ids.get(key)!, projectId: tasks.projectId, customerId: tasks.customerId });
	const ticket = (i: number) => ({ ticketId: tickets[i % tickets.length].ticketId });
	const at = (h: number, m = 0) => h * 60 + m;
	const last = weekDays(lastWeek);
	const lastEntries: EntryFields[] = [
		{ date: last[0], startMinute: at(8, 30), endMinute: at(12), ...task('dns'), workRole: 'Engineer', notes: 'TTLs down to 300 s; cut-over plan agreed with Kalinda' },
		{ date: last[0], startMinute: at(13), endMinute: at(14, 15), ...ticket(0), workRole: 'Engineer', notes: 'Remote session, cleared the print queue' },
		{ date: last[1], startMinute: at(9), endMinute: at(16), ...task('pilot'), workRole: 'Engineer', notes: 'Partners’ mailboxes: first pass' },
		{ date: last[2], startMinute: at(9), endMinute: at(10, 30), ...ticket(1), workRole: 'Engineer', notes: null },
		{ date: last[2], startMinute: at(11), endMinute: at(15), ...task('pilot'), workRole: 'Engineer', notes: 'Delta sync, calendar permissions' },
		{ date: last[3], startMinute: at(8), endMinute: at(9), minutes: null, workRole: 'Internal', billable: false, notes: 'Team meeting' },
		{ date: last[3], startMinute: at(9, 30), endMinute: at(12, 30), ...ticket(2), workRole: 'Engineer', notes: 'On site: replaced the switch in the back office' },
		{ date: last[4], startMinute: at(9), endMinute: at(13), ...task('pilot'), workRole: 'Engineer', notes: 'Pilot users signed off' }
	];
	const days = weekDays(thisWeek).filter((d) => d <= today).slice(0, 2);
	const thisEntries: EntryFields[] = days.flatMap((date, i) => [
		{ date, startMinute: at(9), endMinute: at(11, 30), ...task('pilot'), workRole: 'Engineer', notes: i === 0 ? 'Mobile devices re-enrolled' : 'Shared mailboxes moved' },
		{ date, startMinute: at(13), endMinute: at(14), ...ticket(3 + i), workRole: 'Engineer', notes: null }
	]);
	const week = (w: string, entries: EntryFields[], submit: boolean) => {
		const doc = new Y.Doc({ guid: 'demo' });
		const sheet = { doc, userId: tech.id, week: w };
		for (const entry of entries) {
			const added = addEntry(sheet, entry);
			if (!added.ok) throw new Error(`demo timesheet: ${added.errors.join('; ')}`);
		}
		if (submit) submitTimesheet(sheet, new Date(`${last[4]}T21:30:00Z`));
		const name = timesheetDocName(tenantId, tech.id, w);
		return { name, doc, week: w, project: (d: Y.Doc) => projectTimesheet(name, d) };
	};
	return { submitted: week(lastWeek, lastEntries, true), open: week(thisWeek, thisEntries, false) };
}
