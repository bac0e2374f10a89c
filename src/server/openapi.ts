import type { Api } from './endpoint.ts';

/**
 * The OpenAPI 3.1 document of an app, generated from the routes' own schemas (endpoint.ts), so it
 * lists exactly the routes the app serves and the parameters they validate. A test lints it with
 * Redocly's recommended rules and compares its paths with the app's routes.
 */
export function openApiDocumentOf(app: Api) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'The token `sitrep serve` was given. POST /api/ingest needs it when one is set; reads need it when the server listens off loopback.',
  });
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Sitrep',
      version: '0.1.0',
      description:
        'A sourced situation picture from overlapping news reports: stored articles, and the analysis of them (stories, entities, quotes, claims with their independent origins, events, the timeline, cited briefs). Every error is an RFC 9457 problem details object; every collection is paged with a total; reads carry a weak ETag and honour If-None-Match.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'the default of `sitrep serve`' }],
    tags: [
      { name: 'store', description: 'Stored articles, search and ingest' },
      { name: 'analysis', description: 'The analysis of the stored articles' },
      { name: 'meta', description: 'This description' },
    ],
  });
}
