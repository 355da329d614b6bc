import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AppError } from '../http/errors.js';

/** The most a single upload may hold (the product promise: 25 MB). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
/** How much of the start of a file is kept to check its type. */
const HEAD_BYTES = 4100;

export const tooLarge = () => new AppError(413, 'file_too_large', `Files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`);

export interface Received {
	temp: string;
	size: number;
	sha256: string;
	head: Uint8Array;
}

const fileDir = (dataDir: string, tenantId: string) => path.join(dataDir, 'files', tenantId);

/**
 * Streams an upload to a temporary file beside its final place, counting and
 * hashing as it goes; past the cap it stops reading, deletes what it wrote and
 * refuses, so an oversized upload leaves nothing behind.
 */
export async function receive(dataDir: string, tenantId: string, body: ReadableStream<Uint8Array>): Promise<Received> {
	const dir = fileDir(dataDir, tenantId);
	await mkdir(dir, { recursive: true });
	const temp = path.join(dir, `.upload-${crypto.randomUUID()}`);
	const out = await open(temp, 'w');
	const hash = createHash('sha256');
	const head: Uint8Array[] = [];
	let size = 0;
	try {
		for await (const chunk of Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>) as AsyncIterable<Buffer>) {
			size += chunk.byteLength;
			if (size > MAX_FILE_BYTES) throw tooLarge();
			if (size - chunk.byteLength < HEAD_BYTES) head.push(chunk);
			hash.update(chunk);
			await out.write(chunk);
		}
		await out.close();
	} catch (error) {
		await out.close().catch(() => undefined);
		await rm(temp, { force: true });
		throw error;
	}
	return { temp, size, sha256: hash.digest('hex'), head: Buffer.concat(head).subarray(0, HEAD_BYTES) };
}

/** Moves a received upload to its place; replacing is atomic, so a reader never sees half a file. */
export async function keep(dataDir: string, tenantId: string, id: string, received: Received): Promise<void> {
	await rename(received.temp, path.join(fileDir(dataDir, tenantId), id));
}

export async function discard(received: Received): Promise<void> {
	await rm(received.temp, { force: true });
}

export async function isStored(dataDir: string, tenantId: string, id: string): Promise<boolean> {
	return !!(await stat(path.join(fileDir(dataDir, tenantId), id)).catch(() => null));
}

/** The bytes of a stored file as a web stream, or null when they are gone. */
export async function readStored(dataDir: string, tenantId: string, id: string): Promise<ReadableStream<Uint8Array> | null> {
	if (!(await isStored(dataDir, tenantId, id))) return null;
	return Readable.toWeb(createReadStream(path.join(fileDir(dataDir, tenantId), id))) as ReadableStream<Uint8Array>;
}
