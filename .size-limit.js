// The size budget `npm test` checks (size-limit with @size-limit/file): the JavaScript the page
// loads before it can draw — the entry script and every chunk the built index.html preloads —
// gzipped. Charts, dialogs, the event log and the fallback engine load on demand and are not in
// it; the simulation worker is a file of its own, fetched once. `npm run size` prints it.
import { existsSync, readFileSync } from 'node:fs';

const INDEX_HTML = 'dist/index.html';

/** `dist/…` paths of the scripts a built index.html runs or preloads. */
function initialScripts(html) {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const isEntry = tag.startsWith('<script') && /\btype="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="\.\/([^"]+\.js)"/.exec(tag)?.[1];
    return (isEntry || isPreload) && url ? [`dist/${url}`] : [];
  });
}

if (!existsSync(INDEX_HTML)) {
  throw new Error(`${INDEX_HTML} not found: build the site first (npm run build).`);
}

export default [
  {
    name: 'initial JS (entry + preloaded chunks)',
    path: initialScripts(readFileSync(INDEX_HTML, 'utf8')),
    gzip: true,
    limit: '250 kB',
  },
];
