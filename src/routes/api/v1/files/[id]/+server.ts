import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { config } from '#lib/server/config.js';
import { db } from '#lib/server/db/index.js';
import { fileResponse } from '#lib/server/files/respond.js';
import { staffDownload, uploadFile } from '#lib/server/files/service.js';
import { endpoint } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import type { RequestEvent } from './$types';

/** Upload a file under an id the client made (`?name=` gives its file name); the body is the raw bytes. */
export const PUT = endpoint(async ({ locals, params, request, url }: RequestEvent) => {
	const me = staff(locals, 'files.upload');
	const length = request.headers.get('content-length');
	const { file, created } = await uploadFile(db(), config().dataDir, me, {
		id: uuidParam(params.id, 'A file id is a UUID.'),
		name: url.searchParams.get('name') ?? '',
		declaredBytes: length === null ? null : Number(length),
		body: request.body
	});
	return json({ file }, { status: created ? 201 : 200 });
});

export const GET = endpoint(async ({ locals, params }: RequestEvent) => {
	const me = staff(locals, 'files.download');
	const { file, body } = await staffDownload(db(), config().dataDir, me, uuidParam(params.id, 'No such file.'));
	return fileResponse(file, body);
});
