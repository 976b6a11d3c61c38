// The baseline: a bare node:http server returning one body (BODY_FILE) with the fewest headers, in WORKERS
// processes (node:cluster) when more than one. Nothing Masthead does can be faster than this on Node.
const cluster = require('node:cluster');
const fs = require('node:fs');
const http = require('node:http');

const workers = Number(process.env.WORKERS || 1);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const body = fs.readFileSync(process.env.BODY_FILE);
  const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length };
  if (process.env.ENCODING) headers['content-encoding'] = process.env.ENCODING;
  http
    .createServer((_req, res) => {
      res.writeHead(200, headers);
      res.end(body);
    })
    .listen(Number(process.env.PORT), '127.0.0.1');
}
