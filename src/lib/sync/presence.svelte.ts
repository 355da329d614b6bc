import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from './doc-handle.svelte.js';

function isUser(value: unknown): value is PresenceUser {
	const user = value as PresenceUser | undefined;
	return typeof user?.id === 'string' && typeof user.name === 'string';
}

type State = Record<string, unknown>;
const viewing = (state: State) => state.viewing === true;

/**
 * The people other than me looking at a document now, once each (one person
 * may have several tabs open). A state without `viewing` is a tab that keeps
 * the document attached in the background; `here` says what counts as being
 * there (a board says which board in a field of its own).
 */
export function viewersOf(states: Map<number, State>, selfId: string, here: (state: State) => boolean = viewing): PresenceUser[] {
	const byId = new Map<string, PresenceUser>();
	for (const state of states.values()) {
		const user = state.user;
		if (here(state) && isUser(user) && user.id !== selfId && !byId.has(user.id)) {
			byId.set(user.id, { id: user.id, name: user.name, color: typeof user.color === 'string' ? user.color : '#5a6577' });
		}
	}
	return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Follows a document's awareness; `viewers` is reactive. */
export class Presence {
	viewers: PresenceUser[] = $state([]);

	constructor(
		private readonly awareness: Awareness | null,
		private readonly selfId: string,
		private readonly here: (state: State) => boolean = viewing
	) {
		awareness?.on('change', this.update);
		this.update();
	}

	private update = () => {
		if (this.awareness) this.viewers = viewersOf(this.awareness.getStates(), this.selfId, this.here);
	};

	stop(): void {
		this.awareness?.off('change', this.update);
	}
}
