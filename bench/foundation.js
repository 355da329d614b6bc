// Foundation figures: cold start to /healthz, and API latency for login, me and sync tokens.
// Starts the built server on its own fresh database (PGlite, or BENCH_DATABASE_URL's server).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

async function adminQuery(url, sql) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	await client.query(sql);
	await client.end();
}

async function startServer() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stackdesk-bench-'));
	const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', DATA_DIR: dataDir };
	let dropDb = async () => {};
	if (process.env.BENCH_DATABASE_URL) {
		const name = `stackdesk_bench_${Date.now()}`;
		await adminQuery(process.env.BENCH_DATABASE_URL, `CREATE DATABASE ${name}`);
		const url = new URL(process.env.BENCH_DATABASE_URL);
		url.pathname = `/${name}`;
		env.DATABASE_URL = url.toString();
		dropDb = () => adminQuery(process.env.BENCH_DATABASE_URL, `DROP DATABASE ${name} WITH (FORCE)`);
	}
	const started = performance.now();
	const child = spawn(process.execPath, ['build/server/stackdesk.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
	const base = await new Promise((resolve, reject) => {
		let log = '';
		child.stdout.on('data', (d) => {
			log += d;
			const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(log);
			if (m) resolve(m[1]);
		});
		child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
	});
	await fetch(`${base}/healthz`);
	const startMs = performance.now() - started;
	return {
		base,
		startMs,
		async stop() {
			child.kill('SIGTERM');
			await new Promise((r) => child.once('exit', r));
			await dropDb();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

function percentiles(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
	return { p50: +at(50).toFixed(2), p95: +at(95).toFixed(2), max: +sorted.at(-1).toFixed(2) };
}

async function time(rounds, fn) {
	const samples = [];
	for (let i = 0; i < rounds; i++) {
		const t = performance.now();
		const res = await fn(i);
		if (!res.ok) throw new Error(`bench request failed: ${res.status} ${await res.text()}`);
		samples.push(performance.now() - t);
	}
	return percentiles(samples);
}

const server = await startServer();
const { base } = server;
const json = (method, pathName, body, cookie) =>
	fetch(base + pathName, {
		method,
		headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
		body: body ? JSON.stringify(body) : undefined
	});

const signup = await json('POST', '/api/v1/auth/signup', { tenantName: 'Bench IT', name: 'Bench', email: 'bench@example.test', password: 'bench password 1' });
const cookie = signup.headers.get('set-cookie').split(';')[0];

// login verifies an argon2id hash (19 MiB) by design; the per-address limit allows 20 tries
// per 15 minutes from one address, so the bench logs in 20 times, each to its own account
const loginAccounts = 20;
for (let i = 0; i < loginAccounts; i++) {
	await json('POST', '/api/v1/auth/signup', { tenantName: `T${i}`, name: 'B', email: `b${i}@example.test`, password: 'bench password 1' });
}
const results = {
	backend: process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite',
	coldStartToHealthyMs: +server.startMs.toFixed(0),
	loginMs: await time(loginAccounts, (i) => json('POST', '/api/v1/auth/login', { email: `b${i % loginAccounts}@example.test`, password: 'bench password 1' })),
	meMs: await time(ROUNDS, () => json('GET', '/api/v1/me', undefined, cookie)),
	syncTokenMs: await time(ROUNDS, () => json('POST', '/api/v1/sync/token', undefined, cookie))
};
await server.stop();

console.log(JSON.stringify(results, null, 2));
writeFileSync(`bench/results/foundation-${results.backend}.json`, JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2));
