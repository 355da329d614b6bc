import { getMeta, setMeta, type LocalDb } from '../db.js';

/**
 * Minutes logged, by task or by project, as the server sums them from
 * timesheets (`GET /api/v1/projects/[id]/actuals`, `GET /api/v1/projects/actuals`).
 * The last answer is kept in the local database, so actuals and budget burn
 * still show offline, as they were when last online.
 */
export class LoggedMinutes {
	/** minutes by task id (one project) or project id (the portfolio) */
	byId: ReadonlyMap<string, number> = $state.raw(new Map());
	/** an answer (from the server, or kept from an earlier visit) is in */
	loaded = $state(false);

	private constructor(
		private readonly url: string,
		private readonly key: string,
		private readonly read: (body: unknown) => [string, number][]
	) {}

	/** The minutes logged on each task of a project. */
	static ofTasks(projectId: string): LoggedMinutes {
		return new LoggedMinutes(`/api/v1/projects/${projectId}/actuals`, `projectActuals:${projectId}`, (body) =>
			((body as { tasks: { taskId: string; minutes: number }[] }).tasks ?? []).map((t) => [t.taskId, t.minutes])
		);
	}

	/** The minutes logged on each project of the company. */
	static ofProjects(): LoggedMinutes {
		return new LoggedMinutes('/api/v1/projects/actuals', 'portfolioActuals', (body) =>
			((body as { projects: { projectId: string; minutes: number }[] }).projects ?? []).map((p) => [p.projectId, p.minutes])
		);
	}

	/** Logged minutes of one task or project (0 when none). */
	of = (id: string): number => this.byId.get(id) ?? 0;

	/** Shows the kept answer, then asks the server (when online). A project the server has no row of yet has nothing logged. */
	async load(db: LocalDb): Promise<void> {
		const kept = await getMeta<[string, number][]>(db, this.key);
		if (kept && !this.loaded) this.byId = new Map(kept);
		this.loaded ||= kept !== undefined;
		if (!navigator.onLine) return;
		try {
			const response = await fetch(this.url);
			if (response.status === 404) return void (this.loaded = true);
			if (!response.ok) return;
			const entries = this.read(await response.json());
			this.byId = new Map(entries);
			this.loaded = true;
			await setMeta(db, this.key, entries);
		} catch {
			// offline after all: the kept answer stands
		}
	}
}
