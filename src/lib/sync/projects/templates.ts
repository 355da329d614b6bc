import * as edits from '#lib/domain/project/edits.js';
import { copyPlan, readPlan, writePlan, type CopyOptions } from '#lib/domain/project/template.js';
import { useSync } from '../engine.svelte.js';

/** Saving a project as a template and starting one from a template: each writes a new project document on this device. */

/** Writes a new project document on this device (works offline); the server gets it on the next sync. */
export async function createFromPlan(plan: ReturnType<typeof copyPlan>): Promise<void> {
	const engine = await useSync();
	const handle = await engine.pool.acquire(edits.projectDocName(engine.session.tenant.id, plan.project.id));
	try {
		writePlan(handle.doc, plan);
	} finally {
		engine.pool.release(handle);
	}
}

/**
 * Starts a project from a template, every date shifted so the template's
 * start is `options.start`; returns the new project's id. The template is
 * read from this device, or fetched when it was never opened here.
 */
export async function startFromTemplate(templateId: string, options: Omit<CopyOptions, 'id' | 'template'>): Promise<string> {
	const engine = await useSync();
	const handle = await engine.pool.acquire(edits.projectDocName(engine.session.tenant.id, templateId));
	try {
		if (handle.doc.getMap('project').size === 0) await handle.settled();
		const plan = readPlan(handle.doc);
		if (!plan) throw new Error(handle.state === 'offline' ? 'This template is not on this device yet. Try again when online.' : 'This template cannot be read.');
		const id = edits.newId();
		await createFromPlan(copyPlan(plan, { ...options, id, template: false }));
		return id;
	} finally {
		engine.pool.release(handle);
	}
}
