/** Where to land after logging in: `next` when it is a path on this site, else the dashboard. */
export function safeNext(next: string | null, origin: string): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	try {
		const target = new URL(next, origin);
		if (target.origin !== origin) return '/';
		return target.pathname + target.search + target.hash;
	} catch {
		return '/';
	}
}
