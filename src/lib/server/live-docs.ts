/**
 * A door from server-side services (imports, undo) to the documents the sync
 * server holds open on this node: an update written to the log is also
 * applied to the live document, so people who have it open see it at once.
 * The process entry opens the door once the sync server exists.
 */
type ApplyLive = (docName: string, update: Uint8Array) => void;

let applyLive: ApplyLive = () => {};

export function setLiveDocs(apply: ApplyLive): void {
	applyLive = apply;
}

export function applyToLiveDoc(docName: string, update: Uint8Array): void {
	applyLive(docName, update);
}
