import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * The web console (web/, built by `npm run build` into dist/web) at `/`, by the same server as /graphql: one origin,
 * so the session cookie needs no CORS and the Content-Security-Policy can say that every script, style and request
 * is this host's. Hashed assets are cached for a year; the page itself never, so a new build is picked up at once.
 * Any other GET a browser makes for a page (`/enterprises/…`) is the console's own route and gets the page too.
 */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>innozone</title><link rel="icon" href="data:,"></head>
<body><h1>控制台尚未构建 · The console is not built</h1>
<p>运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。 Run <code>npm run build</code> (<code>npm start</code> does).</p>
<p>GraphQL: <a href="/graphiql">/graphiql</a></p></body></html>
`;

export function webRouter(dir: string): express.Router {
  const router = express.Router();
  const indexFile = path.join(dir, 'index.html');

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
      setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
    }),
  );

  router.get(/.*/, (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.set({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': CONSOLE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    });
    // Read at each request (a small file the OS keeps): a build beside a running server swaps dist/ whole (package.json
    // "build"), and the page must then name the new build's assets, which are the ones on disk.
    const page = existsSync(indexFile) ? readFileSync(indexFile) : null;
    if (!page) return res.status(503).send(NOT_BUILT);
    res.send(page);
  });
  return router;
}
