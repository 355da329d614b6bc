// Sync clients for the benchmarks (all living in the bench process) and the shared helpers:
// percentiles, waiting, result files.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { execSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import WS from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it returns something truthy; throws after `timeoutMs`. */
export async function waitFor(check, { timeoutMs = 30_000, everyMs = 20, what = 'condition' } = {}) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

/**
 * One Hocuspocus client: a provider on `socket` (or on its own new socket). Resolves when synced;
 * rejects when refused or after `timeoutMs`.
 */
export function connectHocuspocus({ url, name, token = null, doc = new Y.Doc(), socket, awareness, socketOptions = {}, timeoutMs = 30_000 }) {
	const ownSocket = !socket;
	socket ??= new HocuspocusProviderWebsocket({ url, ...socketOptions });
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no sync for ${name} after ${timeoutMs} ms`)), timeoutMs);
		const provider = new HocuspocusProvider({
			websocketProvider: socket,
			name,
			document: doc,
			token,
			...(awareness === undefined ? {} : { awareness }),
			onAuthenticationFailed: ({ reason }) => {
				clearTimeout(timer);
				reject(new Error(`refused ${name}: ${reason}`));
			},
			onSynced: () => {
				clearTimeout(timer);
				resolve({
					doc,
					provider,
					socket,
					destroy() {
						provider.destroy();
						if (ownSocket) socket.destroy();
					}
				});
			}
		});
		provider.attach();
	});
}

/** One y-websocket 2.1 client (no BroadcastChannel: every update must cross the server). */
export function connectYWebsocket({ url, name, doc = new Y.Doc(), timeoutMs = 30_000 }) {
	return new Promise((resolve, reject) => {
		const provider = new WebsocketProvider(url, name, doc, { WebSocketPolyfill: WS, disableBc: true });
		const timer = setTimeout(() => reject(new Error(`no sync for ${name} after ${timeoutMs} ms`)), timeoutMs);
		const onSync = (synced) => {
			if (!synced) return;
			provider.off('sync', onSync);
			clearTimeout(timer);
			resolve({ doc, provider, destroy: () => (provider.destroy(), provider.awareness.destroy()) });
		};
		provider.on('sync', onSync);
	});
}

/** Resolves once the provider has no update the server has not acknowledged. */
export const acknowledged = (provider) => provider.isSynced && provider.unsyncedChanges === 0;

/** p50/p90/p95/p99/max/mean (ms) of samples; percentile p is the sample at floor(p/100·n) of the sorted list. */
export function percentiles(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
	const round = (v) => +v.toFixed(2);
	return {
		n: sorted.length,
		p50: round(at(50)),
		p90: round(at(90)),
		p95: round(at(95)),
		p99: round(at(99)),
		max: round(sorted.at(-1)),
		mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length)
	};
}

/** Deep equality of plain JSON values; object key order does not matter. */
export function deepEqual(a, b) {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

/** Which build was measured: the commit checked out (and whether the tree differs) and when build/ was written. */
function buildInfo() {
	try {
		const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
		const dirty = execSync('git status --porcelain --untracked-files=no -- server src', { encoding: 'utf8' }).trim() !== '';
		return { commit, serverSourcesModified: dirty, builtAt: statSync('build/server/stackdesk.js').mtime.toISOString() };
	} catch {
		return undefined;
	}
}

/** Writes bench/results/NAME.json with the common header. */
export function writeResult(name, body) {
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/${name}.json`;
	// the machine may be shared: the load average says whether other work ran alongside
	const result = { at: new Date().toISOString(), cores: os.cpus().length, node: process.version, loadAverage: os.loadavg().map((l) => +l.toFixed(2)), build: buildInfo(), ...body };
	writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
	console.log(`wrote ${file}`);
	return file;
}

/** Says so when other work is running on the machine (figures from a busy machine are noisy). */
export function noteLoad() {
	const [one] = os.loadavg();
	if (one > 0.5) console.log(`note: load average ${one.toFixed(2)} on ${os.cpus().length} cores before this bench: other work is running, figures may be noisy`);
}

export const fmt = (ms) => (ms === undefined || ms === null ? '—' : `${ms.toFixed(2)} ms`);
export const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
