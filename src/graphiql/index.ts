import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { GRAPHIQL_EXAMPLES } from './examples';

/**
 * GraphiQL at `/graphiql`, served whole by this server: the page, GraphiQL's own prebuilt bundle and React's, from
 * node_modules (graphiql 3 and React 18 ship UMD builds, so nothing is bundled here). A zone intranet reaches no
 * outside host, and the Content-Security-Policy says so to the browser: every script, style, font and request is
 * same-origin. It opens with one tab of example operations per kind of user (src/graphiql/examples.ts).
 */

/** A file of an installed package (its `exports` do not list the UMD builds, so it is found beside package.json). */
const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

const JS = 'text/javascript; charset=utf-8';

/** The files the page loads, by the name it loads them under. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), type: JS },
  'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: JS },
  'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: JS },
  'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css; charset=utf-8' },
};

/** Same origin only; GraphiQL's editors set inline styles, and its icons are data: URLs. */
export const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
  "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>innozone GraphiQL · 东湖示范区数据平台</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">正在加载 GraphiQL…</div>
<script src="/graphiql/assets/react.production.min.js"></script>
<script src="/graphiql/assets/react-dom.production.min.js"></script>
<script src="/graphiql/assets/graphiql.min.js"></script>
<script src="/graphiql/assets/start.js"></script>
</body>
</html>
`;

/** Renders GraphiQL against this server's /graphql, its tabs the examples; headers are never kept in the browser. */
const START = `'use strict';
(function () {
  var examples = ${JSON.stringify(GRAPHIQL_EXAMPLES.map((e) => ({ query: e.query, headers: '{\n  "Authorization": "Bearer <token>"\n}' })))};
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: examples, shouldPersistHeaders: false, defaultEditorToolsVisibility: 'headers' }));
})();
`;

export function graphiqlRouter(): express.Router {
  const router = express.Router();
  const files = new Map(Object.entries(ASSETS).map(([name, asset]) => [name, { body: readFileSync(asset.file), type: asset.type }]));
  files.set('start.js', { body: Buffer.from(START), type: JS });

  router.get('/graphiql', (_req, res) => {
    res.set({ 'content-type': 'text/html; charset=utf-8', 'content-security-policy': GRAPHIQL_CSP, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.send(PAGE);
  });
  router.get('/graphiql/assets/:name', (req, res, next) => {
    const file = files.get(req.params.name);
    if (!file) return next();
    res.set({ 'content-type': file.type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
    res.send(file.body);
  });
  return router;
}
