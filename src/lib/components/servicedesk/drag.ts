/** What the boards drag: a ticket (a card, an unscheduled ticket), a visit or a project task, by id, as its own data type. */

export type Dragged = 'ticket' | 'visit' | 'task';

const type = (what: Dragged) => `text/x-stackdesk-${what}`;

export function startDrag(event: DragEvent, what: Dragged, id: string): void {
	event.dataTransfer?.setData(type(what), id);
	if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
}

/** Whether a drag over a drop target carries one of these (its data is readable only on drop). */
export function carries(event: DragEvent, ...what: Dragged[]): boolean {
	const types = event.dataTransfer?.types ?? [];
	return what.some((w) => types.includes(type(w)));
}

/** The id dropped, or null. */
export function droppedId(event: DragEvent, what: Dragged): string | null {
	return event.dataTransfer?.getData(type(what)) || null;
}
