import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocHandle } from '../doc-handle.svelte.js';
import type { ProviderPool } from '../pool.svelte.js';
import { HeldTickets } from './held-tickets.js';

/** A pool that counts who holds what. */
function fakePool() {
	const refs = new Map<string, number>();
	const docs = new Map<string, Y.Doc>();
	const pool = {
		async acquire(name: string) {
			refs.set(name, (refs.get(name) ?? 0) + 1);
			if (!docs.has(name)) docs.set(name, new Y.Doc());
			return { name, doc: docs.get(name)! } as unknown as DocHandle;
		},
		release(handle: DocHandle) {
			refs.set(handle.name, (refs.get(handle.name) ?? 0) - 1);
		}
	};
	const held = () => [...refs].filter(([, n]) => n > 0).map(([name]) => name).sort();
	return { pool: pool as unknown as ProviderPool, held, docs };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the documents a board holds open', () => {
	it('holds what is on screen up to its cap, and lets go of what left it', async () => {
		const { pool, held } = fakePool();
		const board = new HeldTickets(pool, 2);
		board.keep(['a', 'b', 'c']);
		await settle();
		expect(held()).toEqual(['a', 'b']);
		board.keep(['b', 'd']);
		await settle();
		expect(held()).toEqual(['b', 'd']);
		board.stop();
		await settle();
		expect(held()).toEqual([]);
		board.keep(['a']);
		await settle();
		expect(held()).toEqual([]);
	});

	it('edits a document it does not hold, and gives it back to the pool', async () => {
		const { pool, held, docs } = fakePool();
		const board = new HeldTickets(pool, 1);
		board.keep(['a']);
		await board.edit('z', (doc) => doc.getMap('ticket').set('title', 'Moved'));
		await board.edit('a', (doc) => doc.getMap('ticket').set('title', 'Held'));
		expect(docs.get('z')!.getMap('ticket').get('title')).toBe('Moved');
		expect(docs.get('a')!.getMap('ticket').get('title')).toBe('Held');
		expect(held()).toEqual(['a']);
	});
});
