import http from 'node:http';

// The app under test, on WEB_PORT: it answers every request with what was asked.
http
  .createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ method: request.method, path: request.url }));
  })
  .listen(Number(process.env.WEB_PORT));
