import { todayIn } from '#lib/domain/today.js';
import type { Identity } from '../auth/sessions.js';
import { serverNow } from '../clock.js';

/** The caller's tenant's today, by its time zone and the server's clock (a test clock moves it). */
export const tenantToday = (me: Identity): string => todayIn(me.tenantTimeZone, serverNow(me.tenantId));
