import type { Article } from '../core/article.ts';
import { SitrepError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';

/** Find one article by its id or an unambiguous prefix of at least 4 characters. */
export async function getArticleByIdOrPrefix(store: Store, idOrPrefix: string): Promise<Article> {
  const wanted = idOrPrefix.trim().toLowerCase();
  const exact = await store.getArticle(wanted);
  if (exact) return exact;
  if (wanted.length < 4) {
    throw new SitrepError(
      'USAGE',
      `id "${idOrPrefix}" is too short: give at least 4 characters of an article id`,
    );
  }
  const ids = await store.findArticleIds(wanted, 5);
  if (ids.length === 0) {
    throw new SitrepError('NOT_FOUND', `no article with id ${idOrPrefix}; \`sitrep articles\` lists the ids`);
  }
  if (ids.length > 1) {
    throw new SitrepError(
      'AMBIGUOUS_ID',
      `id prefix "${idOrPrefix}" matches several articles (${ids.join(', ')}); give more characters`,
    );
  }
  const article = await store.getArticle(ids[0] ?? '');
  if (!article) throw new SitrepError('NOT_FOUND', `no article with id ${idOrPrefix}`);
  return article;
}
