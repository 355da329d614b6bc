import { v7 as uuidv7 } from 'uuid';
import type { LocalDb } from '../db.js';
import { uploadQueue } from './queue.svelte.js';
import { mimeOf, refusal } from './rules.js';

/** What a document records of an attached file (contracts and tickets alike). */
export interface AttachedFile {
	id: string;
	fileId: string;
	name: string;
	size: number;
	mime: string;
	uploadedBy: string;
}

/**
 * Attaches files: each one's bytes are kept on this device first (the upload
 * queue sends them when online), then `record` writes it into its document,
 * so a record never points at bytes nobody holds. Returns why any file was
 * refused (type, size).
 */
export async function attachFiles(db: LocalDb, files: File[], uploadedBy: string, record: (file: AttachedFile) => void): Promise<string[]> {
	const problems: string[] = [];
	for (const file of files) {
		const problem = refusal(file);
		if (problem) {
			problems.push(problem);
			continue;
		}
		const fileId = uuidv7();
		await uploadQueue(db).add(fileId, file.name, file);
		record({ id: uuidv7(), fileId, name: file.name, size: file.size, mime: mimeOf(file.name, file.type), uploadedBy });
	}
	return problems;
}
