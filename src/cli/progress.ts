import cliProgress from 'cli-progress';
import type { IngestItem, IngestStatus } from '../engine/ingest.ts';
import type { Io } from './output.ts';
import { terminalSafe } from './terminal-text.ts';

/** A live progress line on a TTY (stderr); nothing when output is piped or --json is given. */
export function createIngestProgress(io: Io, enabled: boolean) {
  if (!enabled || !io.isTty)
    return { update: (_i: IngestItem, _c: Record<IngestStatus, number>) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{spinner} {value} items | {inserted} new, {updated} updated, {unchanged} unchanged, {duplicate} duplicate, {failed} failed | {where}',
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let started = false;
  let n = 0;
  return {
    update(item: IngestItem, counts: Record<IngestStatus, number>) {
      n += 1;
      const payload = {
        ...counts,
        where: terminalSafe(item.where).slice(-50),
        spinner: frames[n % frames.length],
      };
      if (!started) {
        bar.start(0, n, payload);
        started = true;
      }
      bar.update(n, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
