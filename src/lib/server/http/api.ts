import { isHttpError, isRedirect, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError } from './errors.js';
import { parseInput } from './validate.js';

/** JSON API bodies are small; anything larger is refused before it is parsed. */
export const API_BODY_LIMIT = 64 * 1024;

export function apiError(status: number, code: string, message: string, fields?: Record<string, string>) {
	return json({ error: fields ? { code, message, fields } : { code, message } }, { status });
}

/** Reads a JSON body of at most `limit` bytes and validates it. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S,
	limit = API_BODY_LIMIT
): Promise<z.infer<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		throw new AppError(415, 'unsupported_media_type', 'Send the body as application/json.');
	}
	const declared = Number(request.headers.get('content-length'));
	if (declared > limit) throw tooLarge(limit);
	let text: string;
	try {
		text = await request.text();
	} catch (cause) {
		// SvelteKit's own BODY_SIZE_LIMIT fires while the body streams in
		if (isHttpError(cause) || (cause as { status?: number }).status === 413) throw tooLarge(limit);
		throw cause;
	}
	if (Buffer.byteLength(text) > limit) throw tooLarge(limit);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new AppError(400, 'invalid_json', 'The body is not valid JSON.');
	}
	return parseInput(schema, body);
}

/** Reads a text body (a CSV upload) of at most `limit` bytes. */
export async function readText(request: Request, limit: number): Promise<string> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > limit) throw tooLarge(limit);
	const text = await request.text();
	if (Buffer.byteLength(text) > limit) throw tooLarge(limit);
	return text;
}

/**
 * Reads a binary body (a raw mail) of at most `limit` bytes, stopping as soon
 * as it is over, so an oversized upload is never held in memory whole.
 */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > limit) throw tooLarge(limit);
	if (!request.body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = request.body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) throw tooLarge(limit);
			chunks.push(value);
		}
	} catch (cause) {
		if (cause instanceof AppError || (cause as { status?: number }).status === 413) throw tooLarge(limit);
		throw cause;
	} finally {
		void reader.cancel().catch(() => {});
	}
	return Buffer.concat(chunks);
}

function tooLarge(limit: number) {
	return new AppError(413, 'payload_too_large', `The body is larger than ${limit} bytes.`);
}

/**
 * Wraps an API handler so every failure leaves as `{error:{code,message}}`
 * with the right status, and nothing internal (no stack) reaches the client.
 */
export function endpoint<E extends RequestEvent>(handler: (event: E) => Promise<Response>) {
	return async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (error) {
			return errorResponse(error);
		}
	};
}

export function errorResponse(error: unknown): Response {
	if (error instanceof AppError) return apiError(error.status, error.code, error.message, error.fields);
	if (isHttpError(error)) {
		const body = error.body as App.Error;
		return apiError(error.status, body.code ?? 'error', body.message);
	}
	if (isRedirect(error)) throw error;
	if ((error as { status?: number })?.status === 413) {
		return apiError(413, 'payload_too_large', 'The body is too large.');
	}
	console.error(error);
	return apiError(500, 'internal', 'Something went wrong on the server.');
}

const CODES: Record<number, string> = { 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large' };

/**
 * SvelteKit answers some API requests itself in plain text (405 for a wrong
 * method): give those the API's JSON error shape too. (Its CSRF refusal comes
 * before any hook and stays plain text.)
 */
export async function jsonApiErrors(response: Response): Promise<Response> {
	if (response.status < 400 || response.headers.get('content-type')?.includes('application/json')) return response;
	const message = (await response.text()).trim() || response.statusText;
	const answer = apiError(response.status, CODES[response.status] ?? 'error', message);
	const allow = response.headers.get('allow');
	if (allow) answer.headers.set('allow', allow);
	return answer;
}
