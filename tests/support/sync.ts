import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

export type ConnectOutcome =
	| { kind: 'synced'; readOnly: boolean; provider: HocuspocusProvider; doc: Y.Doc; close(): void }
	| { kind: 'refused'; reason: string };

/** Opens one document with a real HocuspocusProvider and reports whether the server let it in. */
export function connect(baseUrl: string, name: string, token: string | null, timeoutMs = 15_000): Promise<ConnectOutcome> {
	const url = baseUrl.replace(/^http/, 'ws') + '/collab';
	const socket = new HocuspocusProviderWebsocket({ url, maxAttempts: 1 });
	const doc = new Y.Doc();
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
