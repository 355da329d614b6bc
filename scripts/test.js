// `npm test`: every test, on a fresh machine. Builds, type-checks, then runs the unit and
// integration suites (Vitest) and the browser suite (Playwright with Debian's Chromium).
// Uses PGlite unless TEST_DATABASE_URL names a PostgreSQL server, which then runs the
// integration suite on both backends.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const bin = (name) => `node_modules/.bin/${name}`;

function run(title, command, args, env = {}) {
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status === 0;
}

function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	const root = process.getuid?.() === 0;
	if (!root || !existsSync('/usr/bin/apt-get')) {
		console.error(`Chromium is missing. Install Debian's package first: sudo apt-get install -y chromium`);
		process.exit(1);
	}
	console.log('Chromium is missing: installing Debian\'s package (about 20 s)…');
	const ok =
		run('apt-get update', 'apt-get', ['update', '-qq']) &&
		run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
	if (!ok) process.exit(1);
}

function count(file, read) {
	try {
		return read(JSON.parse(readFileSync(file, 'utf8')));
	} catch {
		return { passed: 0, failed: 1 };
	}
}

ensureChromium();
mkdirSync('test-results', { recursive: true });
if (!run('build', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])) process.exit(1);
const checked =
	run('type check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--threshold', 'warning']) &&
	run('type check (service worker)', bin('tsc'), ['-p', 'src/service-worker', '--noEmit']);
const vitestOk = run('unit and integration tests', bin('vitest'), [
	'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'
]);
const e2eOk = run('browser tests', bin('playwright'), ['test'], {
	PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json'
});

const unit = count('test-results/vitest.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const e2e = count('test-results/playwright.json', (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected }));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (checked ? 0 : 1);
console.log(`\ntype check: ${checked ? 'clean' : 'FAILED'}; vitest: ${unit.passed} passed, ${unit.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(checked && vitestOk && e2eOk && failed === 0 ? 0 : 1);
