/**
 * fetch, once more when the kept-alive connection it reused belonged to a
 * server since restarted on the same port (tests relaunch servers): a browser
 * retries such a request the same way.
 */
async function fetchAfterRestart(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
		return fetch(url, init);
	}
}

/** A tiny HTTP client with one session cookie, like a browser tab talking to the JSON API. */
export class ApiClient {
	lastSetCookie = '';

	/** `cookie`: share a session with another client (the same person on another node) */
	constructor(
		readonly base: string,
		public cookie = ''
	) {}

	async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
		// a browser sends Origin with every non-GET request; SvelteKit's CSRF check relies on it
		const origin: Record<string, string> = method === 'GET' ? {} : { origin: this.base };
		const init: RequestInit = { method, headers: { ...origin, ...headers }, redirect: 'manual' };
		if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie;
		if (body !== undefined) {
			(init.headers as Record<string, string>)['content-type'] ??= 'application/json';
			init.body = typeof body === 'string' ? body : JSON.stringify(body);
		}
		const response = await fetchAfterRestart(this.base + path, init);
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) {
			this.lastSetCookie = setCookie;
			const pair = setCookie.split(';')[0];
			this.cookie = pair.endsWith('=') ? '' : pair;
		}
		const text = await response.text();
		let json: any = undefined;
		try {
			json = JSON.parse(text);
		} catch {
			// not JSON: the test looks at `text`
		}
		return { status: response.status, json, text, headers: response.headers };
	}

	get = (path: string) => this.request('GET', path);
	post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
	patch = (path: string, body: unknown) => this.request('PATCH', path, body);
	delete = (path: string) => this.request('DELETE', path);
}

let counter = 0;
/** A unique, valid signup for one test. */
export function newSignup(prefix = 'msp') {
	counter += 1;
	const tag = `${prefix}${counter}-${Math.random().toString(36).slice(2, 8)}`;
	return {
		tenantName: `${prefix.toUpperCase()} ${tag} IT`,
		name: `Owner ${tag}`,
		email: `owner-${tag}@example.test`,
		password: 'correct horse battery'
	};
}

/** Signs up a new MSP and returns its owner's client and ids. */
export async function signUpTenant(base: string, prefix?: string) {
	const client = new ApiClient(base);
	const input = newSignup(prefix);
	const res = await client.post('/api/v1/auth/signup', input);
	if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`);
	return { client, input, userId: res.json.user.id as string, tenantId: res.json.tenant.id as string };
}

/** Invites a member with a role into the owner's tenant; they accept. Their client, id and email. */
export async function addMember(owner: { client: ApiClient }, base: string, role: string, name = role) {
	const email = `${role}-${crypto.randomUUID()}@example.test`;
	const res = await owner.client.post('/api/v1/invitations', { email, role });
	const client = new ApiClient(base);
	await client.post('/api/v1/invitations/accept', { token: res.json.invitation.acceptUrl.split('/invite/')[1], name, password: 'a long password' });
	const me = await client.get('/api/v1/me');
	return { client, email, name, userId: me.json.user.id as string };
}
