import { createContext } from 'svelte';
import { rollup, type Rollup } from '#lib/domain/project/rollup.js';
import { LoggedMinutes } from './logged-minutes.svelte.js';
import { ProjectDoc } from './project-doc.svelte.js';
import { ProjectsLink, type ProjectsData } from './projects-data.svelte.js';

// logged time changes as people fill in timesheets: the page asks again now and then
const ACTUALS_EVERY_MS = 60_000;

/**
 * What every tab of one project's page shares (the layout makes it, the tabs
 * read it with `projectPage()`): the project's document (ProjectDoc), the
 * minutes logged per task and the roll-up of estimates against them, and the
 * company's customers, contracts and people by name.
 */
export class ProjectPage {
	readonly doc: ProjectDoc;
	readonly logged: LoggedMinutes;
	/** estimates against actuals per task, phase and for the project, with budget burn */
	readonly rollup: Rollup;
	private readonly link = new ProjectsLink();

	constructor(readonly id: string) {
		this.doc = new ProjectDoc(id);
		this.logged = LoggedMinutes.ofTasks(id);
		this.rollup = $derived(rollup(this.doc.tasks, this.logged.byId, this.doc.project?.budgetMinutes ?? null));
	}

	get data(): ProjectsData | null {
		return this.link.data;
	}

	/** the company's people, for assignee pickers */
	readonly people: { value: string; label: string }[] = $derived(this.data?.desk.peopleOptions ?? []);

	/** A person's name (a short id for someone no longer in the company). */
	nameOf = (userId: string): string => this.data?.desk.team.nameOf(userId) ?? userId;

	customerName(id: string | null): string | null {
		return id ? (this.data?.desk.customerNames.get(id) ?? null) : null;
	}

	/** Opens the project and follows its actuals (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		const close = this.doc.open();
		const unlink = this.link.start();
		let timer: ReturnType<typeof setInterval> | undefined;
		const effects = $effect.root(() => {
			$effect(() => {
				const data = this.data;
				if (!data) return;
				void this.logged.load(data.engine.db);
				timer = setInterval(() => void this.logged.load(data.engine.db), ACTUALS_EVERY_MS);
				return () => clearInterval(timer);
			});
		});
		return () => {
			effects();
			unlink();
			close();
		};
	}
}

/** The open project's page state, for the tabs under `/projects/[id]` (set by its layout). */
export const [projectPage, setProjectPage] = createContext<() => ProjectPage>();
