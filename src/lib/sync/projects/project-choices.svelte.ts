import type { ProjectChoice } from '#lib/domain/project/schema.js';

/**
 * The projects, or the templates, a picker offers, read from the server: the
 * list needs the network, the project picked then opens from this device.
 */
export class ProjectChoices {
	list: ProjectChoice[] = $state.raw([]);
	/** null: loading; otherwise whether the list could be read */
	loaded: boolean | null = $state(null);

	constructor(private readonly only: 'projects' | 'templates') {}

	async load(): Promise<void> {
		this.loaded = null;
		try {
			const response = await fetch(`/api/v1/projects${this.only === 'templates' ? '?templates=1' : ''}`);
			if (!response.ok) throw new Error(String(response.status));
			this.list = ((await response.json()) as { projects: ProjectChoice[] }).projects;
			this.loaded = true;
		} catch {
			this.loaded = false;
		}
	}
}
