import { previewTaskImport, tasksToAdd, type TaskImportPreview } from '#lib/domain/project/task-import.js';
import { useSync } from '../engine.svelte.js';
import { Team } from '../tickets/team.svelte.js';
import type { ProjectDoc } from './project-doc.svelte.js';

/** A task list bigger than this is not a project plan someone exported by hand. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The import page's state: the file (picked or pasted), its preview against
 * the company's people, the choice to skip bad rows, and the import's progress.
 */
export class TaskImport {
	text = $state('');
	fileName: string | null = $state(null);
	fileError = $state('');
	skipBad = $state(false);
	/** tasks added so far, while an import runs */
	progress: { done: number; total: number } | null = $state(null);
	/** how many tasks the last import added */
	imported: number | null = $state(null);
	private team: Team | null = $state(null);
	readonly preview: TaskImportPreview | null = $derived(this.text.trim() ? previewTaskImport(this.text, this.team?.members ?? []) : null);
	/** what Import adds; null while there are problems nobody chose to skip */
	readonly toAdd = $derived(this.preview ? tasksToAdd(this.preview, this.skipBad) : null);

	/** Loads the company's people, to match the Resource Names column (call from an effect). */
	start(): void {
		void useSync().then((engine) => {
			const team = new Team(engine.db);
			this.team = team;
			return team.refresh();
		});
	}

	nameOf = (userId: string): string => this.team?.nameOf(userId) ?? userId;

	async pick(file: File): Promise<void> {
		this.fileError = '';
		this.imported = null;
		if (file.size > MAX_BYTES) {
			this.fileError = `${file.name} is over 5 MB; export only the task list (Name, Duration, Start, Finish, Predecessors, Resource Names).`;
			return;
		}
		this.fileName = file.name;
		this.text = await file.text();
	}

	paste(text: string): void {
		this.fileName = null;
		this.imported = null;
		this.text = text;
	}

	async run(plan: ProjectDoc): Promise<void> {
		const tasks = this.toAdd;
		if (!tasks || tasks.length === 0 || this.progress) return;
		this.progress = { done: 0, total: tasks.length };
		try {
			this.imported = await plan.importTasks(tasks, (done) => (this.progress = { done, total: tasks.length }));
			this.text = '';
			this.fileName = null;
			this.skipBad = false;
		} finally {
			this.progress = null;
		}
	}
}
