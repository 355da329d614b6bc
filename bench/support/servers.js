// Servers the sync benchmarks run against, each in its own child process so it never
// shares an event loop with the clients: the built Stackdesk server (PGlite or a fresh
// Postgres database), a bare Hocuspocus 4 server, and the y-websocket 2.1 reference relay.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The Postgres server the benchmarks create their databases on. */
export const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function adminQuery(sql, url = PG_ADMIN_URL) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await client.query(sql);
	} finally {
		await client.end();
	}
}

/** Whether PG_ADMIN_URL answers (the latency and capacity benches skip Postgres when it does not). */
export async function postgresAvailable() {
	try {
		await adminQuery('SELECT 1');
		return true;
	} catch {
		return false;
	}
}

/** A fresh database on PG_ADMIN_URL's server; `drop()` removes it. */
export async function freshDatabase(prefix = 'stackdesk_bench') {
	const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	await adminQuery(`CREATE DATABASE ${name}`);
	const url = new URL(PG_ADMIN_URL);
	url.pathname = `/${name}`;
	return { name, url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Extra node flags for server (and CLI) children, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
export const serverNodeArgs = () => (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

// a bench that dies (an exception, Ctrl-C) takes its server children with it
const children = new Set();
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

function spawnServer(args, env, pattern, label) {
	const child = spawn(process.execPath, [...serverNodeArgs(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);
	child.once('exit', () => children.delete(child));
	let log = '';
	const onData = (d) => (log = (log + d).slice(-20_000));
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	// BENCH_SERVER_LOG=1 shows what the servers say on stderr while a bench runs (materializer errors, debugging)
	if (process.env.BENCH_SERVER_LOG) child.stderr.pipe(process.stderr);
	const ready = new Promise((resolve, reject) => {
		const check = () => {
			const m = pattern.exec(log);
			if (m) {
				child.stdout.off('data', check);
				resolve(m);
			}
		};
		child.stdout.on('data', check);
		child.once('exit', (code) => reject(new Error(`${label} exited ${code} before listening:\n${log}`)));
	});
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	return { child, ready, exited, log: () => log };
}

async function stopChild(server, timeoutMs = 30_000) {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return server.exited;
	server.child.kill('SIGTERM');
	const timer = setTimeout(() => server.child.kill('SIGKILL'), timeoutMs);
	const result = await server.exited;
	clearTimeout(timer);
	return result;
}

/**
 * The built Stackdesk server. `backend`: 'pglite' (embedded, in DATA_DIR) or 'postgres'
 * (a fresh database on PG_ADMIN_URL, dropped by `stop()` unless `keepDatabase`).
 */
export async function startStackdesk({ backend = 'pglite', env: extraEnv = {} } = {}) {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stackdesk-bench-'));
	const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', DATA_DIR: dataDir, ...extraEnv };
	delete env.REDIS_URL;
	let database;
	if (backend === 'postgres') {
		database = await freshDatabase();
		env.DATABASE_URL = database.url;
	} else delete env.DATABASE_URL;
	const server = spawnServer(['build/server/stackdesk.js'], env, /listening on (http:\/\/[\d.]+:\d+)/, 'stackdesk');
	const [, base] = await server.ready;
	return {
		kind: 'stackdesk',
		label: `Stackdesk (${backend === 'postgres' ? 'Postgres' : 'PGlite'})`,
		backend,
		base,
		wsUrl: `${base.replace(/^http/, 'ws')}/collab?schemaVersion=1`,
		pid: server.child.pid,
		child: server.child,
		databaseUrl: database?.url,
		env,
		log: server.log,
		/** SIGTERM (the server stores every open document), then clean up unless told to keep the database */
		async stop({ keepDatabase = false } = {}) {
			const result = await stopChild(server);
			if (!keepDatabase) await this.cleanup();
			return result;
		},
		async cleanup() {
			await database?.drop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** Hocuspocus 4's `Server` with no extensions and default settings. */
export async function startBareHocuspocus() {
	const server = spawnServer(['bench/support/bare-hocuspocus.js'], process.env, /listening on (\d+)/, 'bare hocuspocus');
	const [, port] = await server.ready;
	return {
		kind: 'hocuspocus',
		label: 'bare Hocuspocus 4',
		wsUrl: `ws://127.0.0.1:${port}`,
		pid: server.child.pid,
		child: server.child,
		log: server.log,
		stop: () => stopChild(server)
	};
}

/** y-websocket 2.1's reference relay (`setupWSConnection` on a `ws` server), no persistence. */
export async function startYWebsocket() {
	const env = { ...process.env };
	delete env.YPERSISTENCE;
	delete env.CALLBACK_URL;
	const server = spawnServer(['bench/support/y-websocket-relay.cjs'], env, /listening on (\d+)/, 'y-websocket relay');
	const [, port] = await server.ready;
	return {
		kind: 'y-websocket',
		label: 'y-websocket 2.1 relay',
		wsUrl: `ws://127.0.0.1:${port}`,
		pid: server.child.pid,
		child: server.child,
		log: server.log,
		stop: () => stopChild(server)
	};
}

/**
 * A tenant with its owner signed in: cookie, tenant id, and a way to get sync tokens.
 * A failed sign-up is reported with the server's log and tried once more (loudly).
 */
export async function signUp(server, n = 0) {
	const { base } = server;
	let res;
	for (let attempt = 0; attempt < 2; attempt++) {
		res = await fetch(`${base}/api/v1/auth/signup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: base },
			body: JSON.stringify({ tenantName: `Bench IT ${n}`, name: 'Bench', email: `bench${n}-${attempt}@example.test`, password: 'bench password 1' })
		});
		if (res.ok) break;
		console.error(`WARNING: sign-up failed (${res.status} ${await res.text()}); server log:\n${server.log?.().slice(-4000) ?? ''}`);
	}
	if (!res.ok) throw new Error('sign-up failed twice');
	const body = await res.json();
	const cookie = res.headers.get('set-cookie').split(';')[0];
	return {
		cookie,
		tenantId: body.tenant.id,
		async token() {
			const r = await fetch(`${base}/api/v1/sync/token`, { method: 'POST', headers: { origin: base, cookie } });
			if (!r.ok) throw new Error(`sync token failed: ${r.status} ${await r.text()}`);
			return (await r.json()).token;
		}
	};
}

/** Resident and peak memory of a process, in MiB, from /proc. */
export function memoryOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rssMiB: +(kb('VmRSS') / 1024).toFixed(1), peakRssMiB: +(kb('VmHWM') / 1024).toFixed(1) };
}
