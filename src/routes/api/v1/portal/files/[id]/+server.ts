import { config } from '#lib/server/config.js';
import { db } from '#lib/server/db/index.js';
import { fileResponse } from '#lib/server/files/respond.js';
import { portalDownload } from '#lib/server/files/service.js';
import { endpoint } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { portalUser } from '#lib/server/portal/guard.js';
import type { RequestEvent } from './$types';

/** A document attached to one of the portal user's company's contracts. */
export const GET = endpoint(async ({ locals, params }: RequestEvent) => {
	const { file, body } = await portalDownload(db(), config().dataDir, portalUser(locals), uuidParam(params.id, 'No such file.'));
	return fileResponse(file, body);
});
