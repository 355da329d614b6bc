import { describe, expect, it } from 'vitest';
import { serverForFile } from '../support/app.js';
import { ApiClient, newSignup } from '../support/client.js';
import { testBackend } from '../support/database.js';

const server = serverForFile();

describe('health', () => {
	it('answers once migrations ran, naming the database', async () => {
		const res = await fetch(`${server.app.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ ok: true, db: testBackend(), version: expect.any(String) });
	});
});

describe('signup, login, me, logout', () => {
	it('walks the whole session life cycle', async () => {
		const client = new ApiClient(server.app.url);
		const input = newSignup();
		const signup = await client.post('/api/v1/auth/signup', input);
		expect(signup.status).toBe(201);
		expect(signup.json).toMatchObject({ user: { email: input.email, name: input.name }, tenant: { name: input.tenantName }, role: 'owner' });
		expect(client.lastSetCookie).toMatch(/HttpOnly/i);
		expect(client.lastSetCookie).toMatch(/SameSite=Lax/i);
		// plain http: the cookie must not be Secure or the browser would drop it
		expect(client.lastSetCookie).not.toMatch(/Secure/i);

		const me = await client.get('/api/v1/me');
		expect(me.status).toBe(200);
		expect(me.json).toMatchObject({ user: { email: input.email }, role: 'owner', tenant: { name: input.tenantName } });

		expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
		expect(client.cookie).toBe('');
		const after = await client.get('/api/v1/me');
		expect(after.status).toBe(401);
		expect(after.json.error.code).toBe('unauthenticated');

		const login = await client.post('/api/v1/auth/login', { email: input.email.toUpperCase(), password: input.password });
		expect(login.status).toBe(200);
		expect((await client.get('/api/v1/me')).status).toBe(200);
	});

	it('an old cookie is dead after logout, even if replayed', async () => {
		const client = new ApiClient(server.app.url);
		await client.post('/api/v1/auth/signup', newSignup());
		const stolen = client.cookie;
		await client.post('/api/v1/auth/logout');
		const replay = new ApiClient(server.app.url);
		replay.cookie = stolen;
		expect((await replay.get('/api/v1/me')).status).toBe(401);
	});

	it('refuses a wrong password and an unknown account alike', async () => {
		const client = new ApiClient(server.app.url);
		const input = newSignup();
		await client.post('/api/v1/auth/signup', input);
		const wrong = await new ApiClient(server.app.url).post('/api/v1/auth/login', { email: input.email, password: 'not the password' });
		expect(wrong.status).toBe(401);
		expect(wrong.json).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong email or password.' } });
		const unknown = await new ApiClient(server.app.url).post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever123' });
		expect(unknown.status).toBe(401);
		expect(unknown.json).toEqual(wrong.json);
	});

	it('rate-limits logins per account', async () => {
		const input = newSignup();
		await new ApiClient(server.app.url).post('/api/v1/auth/signup', input);
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) {
			statuses.push((await new ApiClient(server.app.url).post('/api/v1/auth/login', { email: input.email, password: 'guess-' + i })).status);
		}
		expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
		// even the right password waits out the window
		const right = await new ApiClient(server.app.url).post('/api/v1/auth/login', { email: input.email, password: input.password });
		expect(right.status).toBe(429);
		expect(right.json.error.code).toBe('rate_limited');
	});

	it('rejects a duplicate signup email with 409', async () => {
		const input = newSignup();
		expect((await new ApiClient(server.app.url).post('/api/v1/auth/signup', input)).status).toBe(201);
		const again = await new ApiClient(server.app.url).post('/api/v1/auth/signup', { ...input, tenantName: 'Other', email: input.email.toUpperCase() });
		expect(again.status).toBe(409);
		expect(again.json.error.code).toBe('email_taken');
	});
});

describe('bad input', () => {
	it('answers 400 with a message per field', async () => {
		const res = await new ApiClient(server.app.url).post('/api/v1/auth/signup', { tenantName: '', name: 'X', email: 'not-an-email', password: 'short' });
		expect(res.status).toBe(400);
		expect(res.json.error.code).toBe('invalid_input');
		expect(Object.keys(res.json.error.fields).sort()).toEqual(['email', 'password', 'tenantName']);
	});

	it('answers 400 for broken JSON and 415 for a form body', async () => {
		const client = new ApiClient(server.app.url);
		const broken = await client.request('POST', '/api/v1/auth/login', '{"email": ', {});
		expect(broken.status).toBe(400);
		expect(broken.json.error.code).toBe('invalid_json');
		const form = await client.request('POST', '/api/v1/auth/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' });
		expect(form.status).toBe(415);
		// a form post from another site never gets that far: SvelteKit's CSRF check stops it
		const csrf = await client.request('POST', '/api/v1/auth/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' });
		expect(csrf.status).toBe(403);
	});

	it('answers 413 for an oversized body', async () => {
		const res = await new ApiClient(server.app.url).post('/api/v1/auth/login', { email: 'a@b.c', password: 'x'.repeat(200_000) });
		expect(res.status).toBe(413);
		expect(res.json.error.code).toBe('payload_too_large');
	});

	it('answers unknown API routes with a JSON 404', async () => {
		for (const path of ['/api/v1/nope', '/api/v2/me', '/api/v1/people/x/y']) {
			const res = await new ApiClient(server.app.url).get(path);
			expect(res.status).toBe(404);
			expect(res.json.error.code).toBe('not_found');
		}
	});

	it('answers a wrong method with a JSON 405 naming the allowed ones', async () => {
		const res = await new ApiClient(server.app.url).get('/api/v1/auth/login');
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toBe('POST');
		expect(res.json.error.code).toBe('method_not_allowed');
	});

	it('treats SQL in input as plain text and never leaks internals', async () => {
		const input = { ...newSignup(), tenantName: "Robert'); DROP TABLE tenants;--", name: '<script>alert(1)</script>' };
		const client = new ApiClient(server.app.url);
		expect((await client.post('/api/v1/auth/signup', input)).status).toBe(201);
		const me = await client.get('/api/v1/me');
		expect(me.json.tenant.name).toBe(input.tenantName);
		expect(me.json.user.name).toBe(input.name);
		const login = await new ApiClient(server.app.url).post('/api/v1/auth/login', { email: "' OR 1=1 --", password: "' OR '1'='1" });
		expect(login.status).toBe(401);
		expect(login.text).not.toMatch(/at .*\.js|stack|pg|sql/i);
	});
});
