// Entry of the thread that runs PGlite for the server (see openPgliteThread):
// a bundle of its own, so the thread loads the database and nothing else.
import { hostPglite } from '#lib/server/db/pglite-host.js';

await hostPglite();
