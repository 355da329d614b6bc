import * as encoding from 'lib0/encoding';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { SCHEMA_VERSION } from '#lib/domain/documents/shape.js';

export type ConnectOutcome =
	| { kind: 'synced'; readOnly: boolean; provider: HocuspocusProvider; doc: Y.Doc; close(): void }
	| { kind: 'refused'; reason: string };

/** Opens one document with a real HocuspocusProvider and reports whether the server let it in. */
export function connect(
	baseUrl: string,
	name: string,
	token: string | null,
	{ timeoutMs = 15_000, reconnect = false, doc = new Y.Doc() } = {}
): Promise<ConnectOutcome> {
	const url = `${baseUrl.replace(/^http/, 'ws')}/collab?schemaVersion=${SCHEMA_VERSION}`;
	// a reconnecting socket keeps trying (quickly), like a browser tab does
	const socket = new HocuspocusProviderWebsocket(
		reconnect ? { url, delay: 100, minDelay: 100, factor: 1.2, maxDelay: 500, maxAttempts: 0, jitter: false } : { url, maxAttempts: 1 }
	);
	return new Promise((resolve, reject) => {
		let readOnly = false;
		const close = () => {
			provider.destroy();
			socket.destroy();
		};
		const timer = setTimeout(() => {
			close();
			reject(new Error(`no answer for ${name}`));
		}, timeoutMs);
		const provider = new HocuspocusProvider({
			websocketProvider: socket,
			name,
			document: doc,
			token,
			onAuthenticated: ({ scope }) => (readOnly = scope === 'readonly'),
			onAuthenticationFailed: ({ reason }) => {
				clearTimeout(timer);
				close();
				resolve({ kind: 'refused', reason });
			},
			onSynced: () => {
				clearTimeout(timer);
				resolve({ kind: 'synced', readOnly, provider, doc, close });
			}
		});
		provider.attach();
	});
}

/** Resolves once the provider has no update the server has not acknowledged. */
export function allAcknowledged(provider: HocuspocusProvider, timeoutMs = 20_000) {
	return eventually(() => provider.isSynced && provider.unsyncedChanges === 0, timeoutMs, 'acknowledgement');
}

/** Polls `check` until it returns something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value as NonNullable<T>;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

/** A Hocuspocus sync "update" message for `docName`, as a provider would send it. */
export function updateMessage(docName: string, update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, docName);
	encoding.writeVarUint(encoder, 0); // MessageType.Sync
	encoding.writeVarUint(encoder, 2); // y-protocols: update
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** A staff client's synced connection to a document (fetching a sync token first); throws when refused. */
export async function openAs(
	client: { base: string; post(path: string): Promise<{ json: { token: string } }> },
	name: string,
	options: Parameters<typeof connect>[3] = {}
) {
	const token = (await client.post('/api/v1/sync/token')).json.token;
	const outcome = await connect(client.base, name, token, options);
	if (outcome.kind !== 'synced') throw new Error(`${name}: ${outcome.reason}`);
	return outcome;
}
