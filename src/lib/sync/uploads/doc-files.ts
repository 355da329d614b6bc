import type * as Y from 'yjs';
import { attachFile, removeAttachment, type Attachment } from '#lib/domain/documents/attachments.js';
import type { SyncEngine } from '../engine.svelte.js';
import { attachFiles } from './attach.js';
import { uploadQueue, type UploadState } from './queue.svelte.js';

/**
 * The files of an open document (a ticket's, a project's): attach (bytes kept
 * on this device until uploaded), remove (with any upload still owed), and
 * each upload's state here. `engine` is null while the document is opening.
 */
export class DocFiles {
	constructor(
		private readonly doc: () => Y.Doc,
		private readonly engine: () => SyncEngine | null,
		/** "ticket", "project": what a refusal while opening names */
		private readonly what: string
	) {}

	/** Attaches files; returns why any was refused. */
	attach(files: File[]): Promise<string[]> {
		const engine = this.engine();
		if (!engine) return Promise.resolve([`The ${this.what} is still opening. Try again in a moment.`]);
		return attachFiles(engine.db, files, engine.user.id, (file) => attachFile(this.doc(), file));
	}

	async remove(attachment: Pick<Attachment, 'id' | 'fileId'>): Promise<void> {
		removeAttachment(this.doc(), attachment.id);
		const engine = this.engine();
		if (engine) await uploadQueue(engine.db).discard(attachment.fileId);
	}

	stateOf(fileId: string): UploadState | null {
		const engine = this.engine();
		return engine ? uploadQueue(engine.db).stateOf(fileId) : null;
	}
}
