import type * as Y from 'yjs';
import type { SyncEngine } from '../engine.svelte.js';
import { DeskLink, type DeskData } from '../tickets/desk-data.svelte.js';
import { BoardPresence, type BoardName } from './board-presence.svelte.js';
import { HeldTickets } from './held-tickets.js';

// the engine pulls the rows feed every half minute; a board asks more often
const PULL_MS = 5_000;

/**
 * Pulls the rows feed often while a board or a schedule is on screen:
 * tickets another person creates, and visits booked in documents this
 * browser has never opened, show within seconds. Returns the function that stops.
 */
export function pullOften(engine: SyncEngine): () => void {
	const timer = setInterval(() => navigator.onLine && void engine.pull(), PULL_MS);
	return () => clearInterval(timer);
}

/**
 * What both boards do while on screen: follow the ticket rows in memory
 * (DeskData), hold the documents of what they show so others' edits arrive
 * at once, show the person on the board, and edit ticket documents.
 */
export class BoardSession {
	private readonly link = new DeskLink();
	readonly presence = new BoardPresence();
	private docs: HeldTickets | null = null;

	constructor(
		private readonly board: BoardName,
		/** how many documents the board holds open at most (see HeldTickets) */
		private readonly cap: number,
		/** the documents of what the board shows, most important first (read in an effect) */
		private readonly onScreen: () => string[]
	) {}

	get data(): DeskData | null {
		return this.link.data;
	}

	/** Starts following (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		const stops: (() => void)[] = [];
		const unlink = this.link.start((data) => {
			const docs = new HeldTickets(data.engine.pool, this.cap);
			this.docs = docs;
			stops.push(
				() => docs.stop(),
				pullOften(data.engine),
				this.presence.start(data.engine, this.board),
				$effect.root(() => {
					$effect(() => docs.keep(this.onScreen()));
				})
			);
		});
		return () => {
			unlink();
			for (const stop of stops.splice(0)) stop();
		};
	}

	/** the signed-in person as a change's author (DESIGN.md: a person's name) */
	get by(): string | null {
		return this.data?.engine.session.user.name ?? null;
	}

	async edit(docName: string, change: (doc: Y.Doc) => void): Promise<void> {
		if (!this.docs) throw new Error('the board has not started');
		await this.docs.edit(docName, change);
	}
}
