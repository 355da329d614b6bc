/** A value as JSON carries it: dates become ISO strings. */
export type Json<T> = T extends Date ? string : T;
/** A server record as the API sends it: its instants as ISO strings. */
export type JsonRecord<T> = { [K in keyof T]: Json<T[K]> };

/**
 * Calls the JSON API for work that needs the server (imports, proposal
 * decisions), unlike document edits: an answer that is an error becomes an
 * Error with the server's message, no answer at all one with `unreachable`.
 */
export async function callApi<T>(url: string, init: RequestInit, unreachable: string): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url, { credentials: 'same-origin', ...init });
	} catch {
		// fetch rejects only when no answer came at all
		throw new Error(unreachable);
	}
	const body = await response.json().catch(() => null);
	if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
	return body as T;
}
