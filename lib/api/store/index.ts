// The process-wide hot-path store, opened on first use for the configured DATABASE_URL.
// Kept on globalThis so `next dev` reloads do not leak connections; in development a
// reload of this code replaces the instance (and closes the old one) rather than keep
// serving stale code. In production nothing reloads, but two copies of this module can
// share a process (Next's bundle and the API front's, see lib/api/front.ts): each keeps
// its own store instead of closing the other's. No "server-only" marker: the front loads
// this outside Next's bundler.
import { getEnv } from "@/lib/env";
import { PostgresApiStore } from "./postgres";
import { SqliteApiStore } from "./sqlite";
import type { ApiStore } from "./types";

export type { ApiStore, StoredKey, StatusClass, UsageEvent } from "./types";

type Cached = { url: string; store: ApiStore; factory: typeof createApiStore };
const globalForStore = globalThis as unknown as { copaApiStores?: Cached[] };

export function createApiStore(url: string): ApiStore {
  return /^postgres(ql)?:\/\//.test(url) ? new PostgresApiStore(url) : new SqliteApiStore(url);
}

export function getApiStore(): ApiStore {
  const url = getEnv().DATABASE_URL;
  const stores = (globalForStore.copaApiStores ??= []);
  const mine = stores.find((c) => c.factory === createApiStore);
  if (mine && mine.url === url) return mine.store;
  const stale = stores.filter((c) => c === mine || (c.factory !== createApiStore && process.env.NODE_ENV !== "production"));
  // Requests already running on a replaced instance get a few seconds to finish.
  for (const old of stale) setTimeout(() => void old.store.close().catch(() => undefined), 10_000).unref?.();
  const store = createApiStore(url);
  globalForStore.copaApiStores = [...stores.filter((c) => !stale.includes(c)), { url, store, factory: createApiStore }];
  return store;
}

/** Closes this copy's store (tests and scripts; a server keeps it for its lifetime). */
export async function closeApiStore(): Promise<void> {
  const stores = globalForStore.copaApiStores ?? [];
  const mine = stores.find((c) => c.factory === createApiStore);
  globalForStore.copaApiStores = stores.filter((c) => c !== mine);
  await mine?.store.close();
}
