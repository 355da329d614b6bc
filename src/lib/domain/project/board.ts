import { byRank, type Ranked } from './ranks.js';
import { DEFAULT_COLUMNS } from './schema.js';

/**
 * A project board as people see it: the project's columns in order with their
 * cards in board order, and where a drop or a key press puts a card. Indexes
 * are those `moveTask` takes: the place among the column's *other* cards.
 */

export interface BoardColumnDef extends Ranked {
	name: string;
	done: boolean;
	deletedAt?: string | null;
}

export interface BoardCard extends Ranked {
	status: string | null;
	deletedAt?: string | null;
}

export interface BoardColumn<T> {
	id: string;
	name: string;
	done: boolean;
	/** a column that was removed but still holds cards: shown so they are not lost from view */
	stray: boolean;
	cards: T[];
}

/** The columns of a document nobody has edited the board of yet. */
const DEFAULTS: BoardColumnDef[] = DEFAULT_COLUMNS.map((c, i) => ({ ...c, rank: String(i + 1) }));

/**
 * The board: live columns by rank, each with its live cards by rank. A card
 * with no status sits in the first column; cards of a removed column get a
 * column of their own at the end.
 */
export function boardColumns<T extends BoardCard>(columns: readonly BoardColumnDef[], tasks: readonly T[]): BoardColumn<T>[] {
	const live = byRank(columns.filter((c) => !c.deletedAt));
	const shown = live.length > 0 ? live : DEFAULTS;
	const known = new Set(shown.map((c) => c.id));
	const byColumn = new Map<string, T[]>();
	for (const task of tasks) {
		if (task.deletedAt) continue;
		const column = task.status ?? shown[0].id;
		byColumn.set(column, [...(byColumn.get(column) ?? []), task]);
	}
	const board = shown.map((c) => ({ id: c.id, name: c.name, done: c.done, stray: false, cards: byRank(byColumn.get(c.id) ?? []) }));
	const removed = columns.filter((c) => c.deletedAt && byColumn.has(c.id));
	const strays = [...byColumn.keys()].filter((id) => !known.has(id)).sort();
	for (const id of strays) {
		const was = removed.find((c) => c.id === id);
		board.push({ id, name: was?.name ?? id, done: was?.done ?? false, stray: true, cards: byRank(byColumn.get(id)!) });
	}
	return board;
}

/**
 * Where a card dropped on `target` lands: before it, or after it when dropped
 * on its lower half. With no target card (the column's empty space) it goes last.
 */
export function dropIndex(cards: readonly { id: string }[], dragged: string, target: string | null, after: boolean): number {
	const others = cards.filter((c) => c.id !== dragged);
	const at = target === null ? -1 : others.findIndex((c) => c.id === target);
	if (at < 0) return others.length;
	return after ? at + 1 : at;
}

export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

export const MOVE_KEYS: readonly MoveKey[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

/**
 * A move from the keyboard: up and down within the column, left and right to
 * the neighbouring column at the same height (or its end). Null at an edge,
 * and for removed columns, which take no cards.
 */
export function keyMove(board: readonly BoardColumn<{ id: string }>[], cardId: string, key: MoveKey): { column: string; index: number } | null {
	const from = board.findIndex((c) => c.cards.some((card) => card.id === cardId));
	if (from < 0) return null;
	const column = board[from];
	const index = column.cards.findIndex((card) => card.id === cardId);
	if (key === 'ArrowUp' || key === 'ArrowDown') {
		const to = index + (key === 'ArrowUp' ? -1 : 1);
		if (to < 0 || to >= column.cards.length) return null;
		return { column: column.id, index: to };
	}
	const target = board[from + (key === 'ArrowLeft' ? -1 : 1)];
	if (!target || target.stray) return null;
	return { column: target.id, index: Math.min(index, target.cards.length) };
}
