import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../core/project-root.ts';
import type { Api } from './endpoint.ts';

/** The web UI's files: served by name from this list only, so no request path ever reaches the file system. */
export const WEB_FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'views.js': 'text/javascript; charset=utf-8',
  'charts.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
};

export const DEFAULT_WEB_DIR = join(projectRoot(import.meta.url), 'web');

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
}
