import type { Identity } from '../auth/sessions.js';
import { generateToken, hashToken } from '../auth/session-token.js';
import type { Db } from '../db/index.js';
import { AppError } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { deleteKey, findByKeyHash, integrationOf, replaceKey, setAlertResolves } from '../repositories/integrations.js';

/**
 * A tenant's integration key: what monitoring tools and mail gateways send as
 * `Authorization: Bearer <key>`. The key alone names the tenant; it is 160
 * random bits, so its SHA-256 is all that is stored, and a new key replaces
 * the old one at once (on every node: nothing is cached).
 */

const PREFIX = 'sdk_';
const KEY = /^sdk_[a-z2-7]{32}$/;

/** A tool that calls the intake API, authenticated by the tenant's key. */
export interface Intake {
	tenantId: string;
	alertResolves: boolean;
}

/** Makes the tenant's key, or a new one in place of the old; the key is returned once, to be shown once. */
export async function rotateIntegrationKey(db: Db, me: Identity): Promise<string> {
	const key = PREFIX + generateToken();
	await db.transaction(async (tx) => {
		await replaceKey(tx, me.tenantId, { hash: hashToken(key), hint: key.slice(0, PREFIX.length + 4), userId: me.userId });
		await appendAudit(tx, { tenantId: me.tenantId, actorId: me.userId, action: 'integrations.key_rotated' });
	});
	return key;
}

export async function revokeIntegrationKey(db: Db, me: Identity): Promise<void> {
	await db.transaction(async (tx) => {
		await deleteKey(tx, me.tenantId);
		await appendAudit(tx, { tenantId: me.tenantId, actorId: me.userId, action: 'integrations.key_revoked' });
	});
}

export async function saveIntakeSettings(db: Db, me: Identity, settings: { alertResolves: boolean }): Promise<void> {
	await db.transaction(async (tx) => {
		await setAlertResolves(tx, me.tenantId, settings.alertResolves);
		await appendAudit(tx, { tenantId: me.tenantId, actorId: me.userId, action: 'integrations.settings_changed', data: settings });
	});
}

/** The key's state (never the key), the tenant's intake settings, and the endpoints' URLs on `origin`. */
export async function integrationSettings(db: Db, tenantId: string, origin: string) {
	return { ...(await integrationOf(db, tenantId)), endpoints: { alerts: `${origin}/api/v1/alerts`, mail: `${origin}/api/v1/inbound-mail` } };
}

const refused = () => new AppError(401, 'invalid_key', 'Send the integration key from Settings → Integrations as "Authorization: Bearer <key>".');

/** The tenant a request's key opens; a missing or wrong key is 401, before anything is read or written. */
export async function authenticateIntake(db: Db, request: Request): Promise<Intake> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
	if (!match || !KEY.test(match[1])) throw refused();
	const found = await lookUp(db, hashToken(match[1]));
	if (!found) throw refused();
	return found;
}

// identical lookups at the same moment (an alert storm) share one query; nothing outlives it, so a new key counts at once
const inFlight = new Map<string, Promise<Intake | undefined>>();

function lookUp(db: Db, keyHash: string): Promise<Intake | undefined> {
	let lookup = inFlight.get(keyHash);
	if (!lookup) {
		lookup = findByKeyHash(db, keyHash).finally(() => inFlight.delete(keyHash));
		inFlight.set(keyHash, lookup);
	}
	return lookup;
}
