import type { Article, RawInput } from '../core/article.ts';
import type { OnUnreadable } from './derived-value.ts';

/** A listed article: the fields a table needs, not the text. */
export interface ArticleSummary {
  id: string;
  title?: string;
  outlet?: string;
  byline?: string;
  publishedAt?: string;
  language?: string;
  input: { path?: string; url?: string };
  chars: number;
  removedBlocks: number;
  ingestedAt: string;
}

export interface SearchHit {
  id: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
  /** A short excerpt around the match, with the matched terms between « and ». */
  snippet: string;
  rank: number;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  outlet?: string;
}

/** A derived, recomputable result stored as JSON: per-article annotations, cluster state, an analysis. */
export interface DerivedRecord<T = unknown> {
  /** What it is: 'annotations', 'cluster-state', 'analysis', … */
  kind: string;
  /** Which one: an article id, 'corpus', … */
  key: string;
  /** Versions of the stages that made it; a reader recomputes when they differ from its own. */
  version: string;
  value: T;
  updatedAt: string;
}

/** What `putArticle` did. */
export type PutResult = 'inserted' | 'updated' | 'unchanged';

/** Optional abilities a driver declares; callers check them instead of the driver's name. */
export interface StoreCapabilities {
  fullTextSearch: boolean;
}

/**
 * The repository interface. Every method is async so that a networked driver
 * (PostgreSQL) can implement it without changing callers. Writes are
 * transactional and idempotent.
 */
export interface Store {
  readonly driver: string;
  readonly capabilities: StoreCapabilities;
  /** Store raw bytes under their hash and an article derived from them, in one transaction. */
  putArticle(raw: RawInput, article: Article): Promise<PutResult>;
  /** Store raw bytes alone (an input that yielded no article still keeps its bytes). Returns false when already present. */
  putRawInput(raw: RawInput): Promise<boolean>;
  getRawInput(sha256: string): Promise<RawInput | undefined>;
  /** Whether raw bytes are stored under this hash (without reading them). */
  hasRawInput(sha256: string): Promise<boolean>;
  /** The stored article whose identity matches, with the fields that decide re-ingest. */
  findByIdentity(
    identity: string,
  ): Promise<{ id: string; contentSha256: string; extractorVersion: string } | undefined>;
  getArticle(id: string): Promise<Article | undefined>;
  /** Ids that start with the prefix (for short ids typed by a person). */
  findArticleIds(prefix: string, limit?: number): Promise<string[]>;
  listArticles(options?: ListOptions): Promise<ArticleSummary[]>;
  /** Stored articles, or those of one outlet (matched as `listArticles` matches it). */
  countArticles(options?: { outlet?: string }): Promise<number>;
  searchArticles(query: string, options?: { limit?: number; offset?: number }): Promise<SearchHit[]>;
  /** How many articles `searchArticles` would find for the query over all pages. */
  countSearchHits(query: string): Promise<number>;
  /** Every article, in a stable order (publication date, then source), with full text. */
  allArticles(): Promise<Article[]>;
  /** Store (replace) a derived record. */
  putDerived(record: DerivedRecord): Promise<void>;
  getDerived<T>(kind: string, key: string): Promise<DerivedRecord<T> | undefined>;
  /** Store (replace) many derived records in one transaction. */
  putDerivedMany(records: DerivedRecord[]): Promise<void>;
  /**
   * Every derived record of a kind, in key order. A record whose stored text is not JSON throws,
   * unless `unreadable` is given: it is told of the record, which is left out.
   */
  listDerived<T>(kind: string, options?: { unreadable?: OnUnreadable }): Promise<DerivedRecord<T>[]>;
  /**
   * `listDerived` with each value left as its JSON text, for a reader that parses only the records it
   * uses (the analysis's story records: those whose key no longer matches are never parsed).
   */
  listDerivedText(kind: string): Promise<DerivedRecord<string>[]>;
  /** Delete derived records of a kind (all keys, or one). Returns how many were deleted. */
  deleteDerived(kind: string, key?: string): Promise<number>;
  /**
   * Run `body` holding the lock `name`, which one holder at a time has across every process and
   * connection using this store, and which a holder that dies lets go (PostgreSQL: a session
   * advisory lock; SQLite: an exclusive lock on a side file, see sqlite-lock.ts). `wait: false`
   * gives `{ locked: false }` at once when another holds it; by default the call waits for it.
   */
  withLock<T>(name: string, body: () => Promise<T>, options?: { wait?: boolean }): Promise<LockResult<T>>;
  close(): Promise<void>;
}

export type LockResult<T> = { locked: true; value: T } | { locked: false };
