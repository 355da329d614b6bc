import { tick } from 'svelte';
import { dropIndex, type MoveKey } from '#lib/domain/project/board.js';
import type { ProjectDoc } from './project-doc.svelte.js';

/** Where a dragged card would land: the column, and the card it would go before or after (null: the end). */
export interface DropTarget {
	column: string;
	card: string | null;
	after: boolean;
}

/**
 * The board tab's own state on top of the project's document: the task open
 * in the side panel, where a dragged card would land, what a screen reader
 * hears after a move, and the keyboard focus kept on a moved card (it is
 * drawn anew in its new place).
 */
export class BoardView {
	/** the task open in the side panel */
	selected: string | null = $state(null);
	over: DropTarget | null = $state(null);
	announcement = $state('');
	private focusing: string | null = null;

	/** `selected`: a task to open in the panel at first (a link from the list) */
	constructor(
		private readonly project: () => ProjectDoc,
		selected: string | null = null
	) {
		this.selected = selected;
		// a card moved to another column is a new element: it gets the focus back once drawn
		$effect(() => {
			void this.project().board;
			const id = this.focusing;
			if (!id) return;
			void tick().then(() => {
				const button = document.querySelector<HTMLElement>(`[data-card="${id}"] button`);
				if (!button) return;
				button.focus();
				this.focusing = null;
			});
		});
	}

	/** A drag over a column: the card under the pointer and which half of it. */
	dragOver(column: string, event: DragEvent): void {
		const card = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-card]');
		if (!card) return void (this.over = { column, card: null, after: false });
		const box = card.getBoundingClientRect();
		this.over = { column, card: card.dataset.card ?? null, after: event.clientY > box.top + box.height / 2 };
	}

	/** A card dropped: it goes where `over` said. */
	drop(id: string): void {
		const target = this.over;
		this.over = null;
		if (!target) return;
		const doc = this.project();
		const cards = doc.board.find((c) => c.id === target.column)?.cards ?? [];
		doc.moveTask(id, target.column, dropIndex(cards, id, target.card, target.after));
		this.announce(id);
	}

	/** Alt+arrow on a focused card. */
	key(id: string, key: MoveKey): void {
		if (!this.project().keyMove(id, key)) return;
		this.focusing = id;
		this.announce(id);
	}

	/** Opens a task in the side panel (null closes it, and the focus goes back to its card). */
	open(id: string | null): void {
		if (id === null && this.selected) this.focusing = this.selected;
		this.selected = id;
	}

	// the document is read again with the edit: the card's column and place as everyone now sees them
	private announce(id: string) {
		const doc = this.project();
		const column = doc.board.find((c) => c.cards.some((card) => card.id === id));
		if (!column) return;
		const place = column.cards.findIndex((card) => card.id === id) + 1;
		this.announcement = `${doc.task(id)?.title ?? 'The task'} moved to ${column.name}, ${place} of ${column.cards.length}`;
	}
}
