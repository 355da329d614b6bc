import { readTemplateStart, type TemplateStartField, type TemplateStartInput } from '#lib/domain/project/template-start.js';
import type { LocalProject } from '../db.js';
import { ProjectsLink, type ProjectsData } from './projects-data.svelte.js';
import { startFromTemplate } from './templates.js';

export type StartOutcome = { id: string } | { problems: Partial<Record<TemplateStartField, string>> };

/**
 * The "New from template" page's state: the company's templates, read from
 * the row index on this device (so the list shows offline too), and starting
 * a project from one. A template's document is copied from this device when
 * it is here, fetched otherwise; offline, one never opened here is refused
 * with a message.
 */
export class TemplateStart {
	private readonly link = new ProjectsLink();

	get data(): ProjectsData | null {
		return this.link.data;
	}

	readonly loaded = $derived(this.data?.projects.loaded ?? false);

	/** live templates by name */
	readonly templates: LocalProject[] = $derived((this.data?.projects.rows ?? []).filter((p) => p.template && !p.deletedAt).sort((a, b) => a.name.localeCompare(b.name)));

	/** Follows the projects (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		return this.link.start();
	}

	/** Starts the project; resolves to its id, or to what is wrong by field. */
	async create(input: TemplateStartInput): Promise<StartOutcome> {
		const read = readTemplateStart(input, new Set(this.templates.map((t) => t.id)));
		if ('problems' in read) return read;
		const { templateId, ...options } = read.fields;
		try {
			return { id: await startFromTemplate(templateId, options) };
		} catch (cause) {
			return { problems: { templateId: cause instanceof Error ? cause.message : 'The project could not be started from this template' } };
		}
	}
}
