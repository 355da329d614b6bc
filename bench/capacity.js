// Capacity: one server process holding 10,000 connected clients on 2,500 customer documents
// (4 clients per document, one websocket each). The figure is the server child's resident
// memory (VmRSS from /proc) once every client is synced and the server has settled, for
// Stackdesk and for a bare Hocuspocus 4 server in the same run.
//
// The clients all live in one process, bench/support/capacity-run.js, run here in a node with a
// larger heap; each client is kept light (no awareness, so a long message timeout instead of
// awareness pings). Stackdesk runs on Postgres; BENCH_CAPACITY_BACKENDS=postgres,pglite adds
// PGlite (which, measured so far, cannot take 10,000 clients within the connect deadline).
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--max-old-space-size=8192', 'bench/support/capacity-run.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
