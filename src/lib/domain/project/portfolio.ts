import { parseDay } from '../contracts/days.js';
import type { ProjectRow } from './projection.js';
import { PROJECT_STATUSES } from './schema.js';

/**
 * The portfolio: every project with its budget burn and what needs a look —
 * overdue, due within a week, or at risk — and the filters over them. Logged
 * minutes come from the server (timesheets); the rest from the project rows.
 */

export type ProjectFlag = 'overdue' | 'due-soon' | 'at-risk';

export const FLAG_LABELS: Record<ProjectFlag, string> = { overdue: 'Overdue', 'due-soon': 'Due this week', 'at-risk': 'At risk' };

export type PortfolioProject = Pick<ProjectRow, 'id' | 'name' | 'customerId' | 'status' | 'start' | 'due' | 'budgetMinutes' | 'percentComplete' | 'template' | 'deletedAt'>;

/** how close a due date is "due soon", in days */
const DUE_SOON_DAYS = 7;
/** spending this many points ahead of the work done is at risk */
const BURN_AHEAD = 20;
/** time running this many points ahead of the work done is at risk */
const TIME_AHEAD = 25;

const CLOSED = new Set<ProjectRow['status']>(['done', 'cancelled']);

/** Logged ÷ budget in whole percent; null without a budget. */
export function burnPercent(actualMinutes: number, budgetMinutes: number | null): number | null {
	return budgetMinutes && budgetMinutes > 0 ? Math.floor((100 * actualMinutes) / budgetMinutes) : null;
}

/** Share of the time from start to due that has passed, in whole percent (0…100); null without both dates. */
function elapsedPercent(start: string | null, due: string | null, today: number): number | null {
	const from = parseDay(start);
	const to = parseDay(due);
	if (from === null || to === null || to <= from) return null;
	return Math.max(0, Math.min(100, Math.floor((100 * (today - from)) / (to - from))));
}

/**
 * What a project needs a look for on `today` (YYYY-MM-DD). At risk: the
 * budget is spent before the work is done, spending runs well ahead of the
 * work done, or the calendar does. Done and cancelled projects need none.
 */
export function projectFlags(project: PortfolioProject, actualMinutes: number, today: string): ProjectFlag[] {
	const day = parseDay(today);
	if (CLOSED.has(project.status) || project.deletedAt || day === null) return [];
	const flags: ProjectFlag[] = [];
	const due = parseDay(project.due);
	const unfinished = project.percentComplete < 100;
	if (due !== null && unfinished && due < day) flags.push('overdue');
	else if (due !== null && unfinished && due - day <= DUE_SOON_DAYS) flags.push('due-soon');
	const burn = burnPercent(actualMinutes, project.budgetMinutes);
	const elapsed = elapsedPercent(project.start, project.due, day);
	const overspent = burn !== null && unfinished && (burn >= 100 || burn - project.percentComplete >= BURN_AHEAD);
	const late = elapsed !== null && elapsed - project.percentComplete >= TIME_AHEAD;
	if (overspent || late) flags.push('at-risk');
	return flags;
}

export interface PortfolioQuery {
	search: string;
	/** a status, 'open' (not done or cancelled), or '' for all */
	status: string;
	customer: string;
	/** a flag, or '' */
	flag: string;
}

export const ALL_PROJECTS: PortfolioQuery = { search: '', status: 'open', customer: '', flag: '' };

export const PROJECT_STATUS_LABELS: Record<ProjectRow['status'], string> = {
	planned: 'Planned',
	active: 'Active',
	'on-hold': 'On hold',
	done: 'Done',
	cancelled: 'Cancelled'
};

/** The status filter's choices: open ones (the default), all, or one status. */
export const STATUS_FILTERS = [{ value: 'open', label: 'Open' }, { value: '', label: 'All statuses' }, ...PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))];

/** A project people work on: not removed, and not a template. */
export const isLiveProject = (project: Pick<PortfolioProject, 'deletedAt' | 'template'>): boolean => !project.deletedAt && !project.template;

export interface PortfolioLine<P extends PortfolioProject> {
	project: P;
	actualMinutes: number;
	burnPercent: number | null;
	flags: ProjectFlag[];
}

/**
 * The portfolio's lines for a query: live projects, soonest due first (no
 * due date last), then by name. `customerName` is searched with the name.
 * Templates are not work in progress: they have their own list (isLiveProject).
 */
export function portfolio<P extends PortfolioProject>(projects: readonly P[], query: PortfolioQuery, context: { today: string; actualOf: (id: string) => number; customerName: (id: string | null) => string }): PortfolioLine<P>[] {
	const search = query.search.trim().toLocaleLowerCase();
	const lines = projects
		.filter(isLiveProject)
		.filter((p) => (query.status === 'open' ? !CLOSED.has(p.status) : !query.status || p.status === query.status))
		.filter((p) => !query.customer || p.customerId === query.customer)
		.filter((p) => !search || `${p.name} ${context.customerName(p.customerId)}`.toLocaleLowerCase().includes(search))
		.map((project) => {
			const actualMinutes = context.actualOf(project.id);
			return { project, actualMinutes, burnPercent: burnPercent(actualMinutes, project.budgetMinutes), flags: projectFlags(project, actualMinutes, context.today) };
		})
		.filter((line) => !query.flag || line.flags.includes(query.flag as ProjectFlag));
	return lines.sort((a, b) => (a.project.due ?? '9999').localeCompare(b.project.due ?? '9999') || a.project.name.localeCompare(b.project.name));
}
