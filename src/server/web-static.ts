import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../core/project-root.ts';
import type { Api } from './endpoint.ts';
import { type CachedBody, sendBody } from './http-send.ts';

/** The web UI's files: served by name from this list only, so no request path ever reaches the file system. */
export const WEB_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'views.js': 'text/javascript; charset=utf-8',
  'charts.js': 'text/javascript; charset=utf-8',
  'graph.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

export const DEFAULT_WEB_DIR = join(projectRoot(import.meta.url), 'web');

/**
 * Libraries the UI loads as ES modules, served from the installed package (no copy in the repository,
 * no build step): the story and entity pages import the graph library when they draw a graph.
 */
export const VENDOR_FILES: Record<string, string> = {
  'vendor/cytoscape.js': 'cytoscape/dist/cytoscape.esm.min.mjs',
};

const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** GET / and the files of WEB_FILES, read from `dir` on each request (they are small). */
export function registerWebRoutes(app: Api, dir: string = DEFAULT_WEB_DIR): void {
  for (const [name, type] of Object.entries(WEB_FILES)) {
    const handler = async () => {
      const body = await readFile(join(dir, name));
      return new Response(body, {
        headers: {
          'content-type': type,
          'cache-control': 'no-cache',
          'x-content-type-options': 'nosniff',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        },
      });
    };
    app.get(`/${name}`, handler);
    if (name === 'index.html') app.get('/', handler);
  }
  for (const [name, specifier] of Object.entries(VENDOR_FILES)) {
    let body: Promise<CachedBody> | undefined;
    app.get(`/${name}`, async (c) => {
      body ??= readFile(fileURLToPath(import.meta.resolve(specifier))).then((bytes) => ({
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) as Uint8Array<ArrayBuffer>,
      }));
      return sendBody(c, await body, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400',
        'x-content-type-options': 'nosniff',
      });
    });
  }
}
