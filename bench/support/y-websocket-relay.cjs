// Baseline: the y-websocket 2.1 reference relay (its bin/server.cjs, on a free loopback port,
// no persistence): `setupWSConnection` for every connection of a `ws` server.
const http = require('node:http');
const { WebSocketServer } = require('ws');
const { setupWSConnection } = require('y-websocket/bin/utils');

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_req, res) => {
	res.writeHead(200, { 'content-type': 'text/plain' });
	res.end('okay');
});
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
server.listen(0, '127.0.0.1', () => console.log(`y-websocket relay listening on ${server.address().port}`));
process.on('SIGTERM', () => {
	for (const ws of wss.clients) ws.terminate();
	server.close(() => process.exit(0));
});
