/**
 * A door from server-side services (imports, undo) to the documents the sync
 * server holds open on this node: an update written to the log is also
 * applied to the live document, so people who have it open see it at once.
 * The process entry opens the door once the sync server exists.
 */
type ApplyLive = (docName: string, update: Uint8Array) => void;
type SignalRows = (tenantId: string) => void;

let applyLive: ApplyLive = () => {};
let signalRows: SignalRows = () => {};

export function setLiveDocs(apply: ApplyLive): void {
	applyLive = apply;
}

export function applyToLiveDoc(docName: string, update: Uint8Array): void {
	applyLive(docName, update);
}

/**
 * The other door: tells the people of a tenant connected here (and, through
 * Redis, on other nodes) that projected rows changed, so their lists pull the
 * feed now instead of at the next half-minute poll. No data goes with it.
 */
export function setRowsSignal(signal: SignalRows): void {
	signalRows = signal;
}

export function rowsChanged(tenantIds: Iterable<string>): void {
	for (const tenantId of new Set(tenantIds)) signalRows(tenantId);
}
