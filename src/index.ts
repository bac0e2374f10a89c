/**
 * Sitrep as a library (`import … from 'sitrep'`): the use-cases the CLI and the server call, the
 * clustering index for callers who feed articles themselves, and the types of what they return.
 * Everything else is internal and may change without notice.
 */

export type { Analysis } from './core/analysis.ts';
export type { Article } from './core/article.ts';
export { type ErrorCode, isSitrepError, SitrepError } from './core/errors.ts';
export type { ClusterInput, DerivationLink, DuplicateLink, Story } from './core/story.ts';
export { type AddInBatchesOptions, addInBatches } from './engine/add-in-batches.ts';
export { type AnalyzeStoreOptions, analyzeStore } from './engine/analysis.ts';
export { type AnalyzeOptions, analyzeArticles } from './engine/analyze-articles.ts';
export { BRIEF_FORMATS, writeBrief } from './engine/brief.ts';
export { type IngestOptions, type IngestReport, ingest } from './engine/ingest.ts';
export { type OpenStoreOptions, openStore } from './engine/open-store.ts';
export { defaultRecordThreads, RecordPool } from './engine/record-pool.ts';
export { type CorpusClustering, clusterCorpus } from './pipeline/cluster/cluster-corpus.ts';
export {
  CLUSTER_VERSION,
  ClusterIndex,
  type ClusterState,
  type ClusterUpdate,
} from './pipeline/cluster/cluster-index.ts';
export { findTextReuse, SentenceFeatureCache } from './pipeline/dedupe/find-text-reuse.ts';
export type { Store } from './store/store.ts';
