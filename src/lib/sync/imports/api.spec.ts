import { afterEach, describe, expect, it, vi } from 'vitest';
import { followBatch, pullChanges, startImport, UNREACHABLE, type ImportBatch } from './api.js';

const batch = (over: Partial<ImportBatch>): ImportBatch => ({
	id: 'b1',
	template: 'names',
	fileName: 'clients.csv',
	createdByName: null,
	createdAt: '2026-11-22T10:00:00Z',
	status: 'running',
	total: 4,
	done: 0,
	created: 0,
	skipped: 0,
	problems: [],
	finishedAt: null,
	undoneAt: null,
	...over
});

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('the import API from the browser', () => {
	it('polls a running import until it ends, reporting each step', async () => {
		vi.useFakeTimers();
		const answers = [batch({ done: 2 }), batch({ done: 4, status: 'done', created: 4 })];
		const fetch = vi.fn(async () => answer(200, { batch: answers.shift() }));
		vi.stubGlobal('fetch', fetch);
		const seen: number[] = [];
		const ended = followBatch(batch({}), (b) => seen.push(b.done), () => false);
		await vi.runAllTimersAsync();
		expect(await ended).toMatchObject({ status: 'done', created: 4 });
		expect(seen).toEqual([2, 4]);
		expect(fetch).toHaveBeenCalledWith('/api/v1/imports/b1', { credentials: 'same-origin' });
	});

	it('uploads the file with its name, template and customer, and passes on the server’s message', async () => {
		const fetch = vi.fn(async () => answer(400, { error: { code: 'invalid_input', message: 'The columns of this file do not match.' } }));
		vi.stubGlobal('fetch', fetch);
		const file = new File(['Name\nAcme\n'], 'list one.csv', { type: 'text/csv' });
		await expect(startImport(file, { template: 'itflow-contacts', customerId: 'c1' })).rejects.toThrow('The columns of this file do not match.');
		expect(fetch).toHaveBeenCalledWith('/api/v1/imports?name=list+one.csv&template=itflow-contacts&customerId=c1', expect.objectContaining({ method: 'POST', body: file }));
	});

	it('says plainly that importing needs the server when none answers', async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		await expect(startImport(new File(['x'], 'a.csv'), { template: 'names', customerId: null })).rejects.toThrow(UNREACHABLE);
	});

	it('pulls the feed now and again later, when the server has projected what changed', async () => {
		vi.useFakeTimers();
		const pulls: number[] = [];
		const done = pullChanges(async () => pulls.push(Date.now()), [0, 1000, 3000]);
		await vi.runAllTimersAsync();
		await done;
		expect(pulls.map((at) => at - pulls[0])).toEqual([0, 1000, 3000]);
	});
});
