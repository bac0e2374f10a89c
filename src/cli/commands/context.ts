import { openStore } from '../../engine/open-store.ts';
import type { Store } from '../../store/store.ts';

export interface GlobalOptions {
  db: string;
}

/** Open the store named by --db, run the body, and close the store whatever happens. */
export async function withStore<T>(
  globals: GlobalOptions,
  options: { mustExist?: boolean },
  body: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore({ db: globals.db, mustExist: options.mustExist ?? false });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}
