import { ALL_PROJECTS, isLiveProject, portfolio, type PortfolioLine, type PortfolioQuery } from '#lib/domain/project/portfolio.js';
import { todayIn } from '#lib/domain/today.js';
import type { LocalProject } from '../db.js';
import { ProjectsLink, type ProjectsData } from './projects-data.svelte.js';

/**
 * The portfolio page's state: every project of the company with its budget
 * burn and flags (overdue, due this week, at risk), the filters, and whether
 * there are any projects at all.
 */
export class Portfolio {
	query: PortfolioQuery = $state({ ...ALL_PROJECTS });
	private readonly link = new ProjectsLink();

	/** `timeZone`: the company's, read when needed ("today" and so "overdue" are the company's) */
	constructor(private readonly timeZone: () => string) {}

	get data(): ProjectsData | null {
		return this.link.data;
	}

	readonly loaded = $derived(this.data?.projects.loaded ?? false);
	/** live projects (templates are not), for "no projects at all" */
	readonly total = $derived(this.data?.projects.rows.filter(isLiveProject).length ?? 0);

	readonly lines: PortfolioLine<LocalProject>[] = $derived.by(() => {
		const data = this.data;
		if (!data) return [];
		const names = data.desk.customerNames;
		return portfolio(data.projects.rows, this.query, { today: todayIn(this.timeZone()), actualOf: data.logged.of, customerName: (id) => names.get(id ?? '') ?? '' });
	});

	/** Follows the projects (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		return this.link.start();
	}

	set(patch: Partial<PortfolioQuery>): void {
		this.query = { ...this.query, ...patch };
	}

	get filtering(): boolean {
		return (Object.keys(ALL_PROJECTS) as (keyof PortfolioQuery)[]).some((k) => this.query[k] !== ALL_PROJECTS[k]);
	}
}
