import { docName } from '#lib/domain/documents/names.js';
import type { DocHandle, PresenceUser } from '../doc-handle.svelte.js';
import type { SyncEngine } from '../engine.svelte.js';
import { Presence } from '../presence.svelte.js';

export type BoardName = 'status' | 'dispatch';

/**
 * Who else is on a board now. A board is no document of its own: presence
 * rides on the catalog's awareness (every staff member has the catalog
 * attached), in a field naming the board, cleared when the page closes.
 */
export class BoardPresence {
	private presence: Presence | null = $state.raw(null);

	get viewers(): PresenceUser[] {
		return this.presence?.viewers ?? [];
	}

	/** Shows the signed-in person on `board` until the returned function runs. */
	start(engine: SyncEngine, board: BoardName): () => void {
		let stopped = false;
		let handle: DocHandle | null = null;
		const set = (value: BoardName | null) => {
			const awareness = handle?.awareness;
			if (awareness) awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), user: engine.user, board: value });
		};
		void engine.pool.acquire(docName(engine.session.tenant.id, 'catalog')).then((acquired) => {
			if (stopped) return engine.pool.release(acquired);
			handle = acquired;
			set(board);
			this.presence = new Presence(acquired.awareness, engine.user.id, (state) => state.board === board);
		});
		return () => {
			stopped = true;
			this.presence?.stop();
			this.presence = null;
			if (!handle) return;
			set(null);
			engine.pool.release(handle);
		};
	}
}
