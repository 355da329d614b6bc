import * as edits from '#lib/domain/project/edits.js';
import { copyPlan, readPlan, writePlan, type CopyOptions } from '#lib/domain/project/template.js';
import type { DocHandle } from '../doc-handle.svelte.js';
import { useSync } from '../engine.svelte.js';

/** Saving a project as a template and starting one from a template: each writes a new project document on this device. */

/** A template this device has never held waits this long for the server's copy before giving up. */
const FETCH_TIMEOUT_MS = 15_000;

export const NOT_ON_DEVICE = 'This template is not on this device yet: it was never opened here. Try again when online.';

/** Writes a new project document on this device (works offline); it is in the lists at once, and the server gets it on the next sync. */
export async function createFromPlan(plan: ReturnType<typeof copyPlan>): Promise<void> {
	const engine = await useSync();
	const name = edits.projectDocName(engine.session.tenant.id, plan.project.id);
	const handle = await engine.pool.acquire(name);
	try {
		writePlan(handle.doc, plan);
		await engine.rows.project(name, handle.doc);
	} finally {
		engine.pool.release(handle);
	}
}

/**
 * Waits for the server's copy of a document this device does not hold. Offline
 * there is nothing to wait for, so it resolves at once; a connection that
 * never syncs gives up after FETCH_TIMEOUT_MS.
 */
async function fetched(handle: DocHandle): Promise<void> {
	if (handle.state === 'offline') return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([handle.settled(), new Promise((resolve) => (timer = setTimeout(resolve, FETCH_TIMEOUT_MS)))]);
	clearTimeout(timer);
}

/**
 * Starts a project from a template, every date shifted so the template's
 * start is `options.start`; returns the new project's id. The template is
 * read from this device, or fetched when it was never opened here (which
 * needs the network: NOT_ON_DEVICE otherwise).
 */
export async function startFromTemplate(templateId: string, options: Omit<CopyOptions, 'id' | 'template'>): Promise<string> {
	const engine = await useSync();
	const handle = await engine.pool.acquire(edits.projectDocName(engine.session.tenant.id, templateId));
	try {
		if (handle.doc.getMap('project').size === 0) await fetched(handle);
		const plan = readPlan(handle.doc);
		if (!plan) throw new Error(handle.state === 'synced' ? 'This template cannot be read: it may have been removed.' : NOT_ON_DEVICE);
		const id = edits.newId();
		await createFromPlan(copyPlan(plan, { ...options, id, template: false }));
		return id;
	} finally {
		engine.pool.release(handle);
	}
}
