// The process-wide hot-path store, opened on first use for the configured DATABASE_URL.
// Kept on globalThis so `next dev` reloads do not leak connections; a reload of this code
// replaces the instance (and closes the old one) rather than keep serving stale code.
import "server-only";
import { getEnv } from "@/lib/env";
import { PostgresApiStore } from "./postgres";
import { SqliteApiStore } from "./sqlite";
import type { ApiStore } from "./types";

export type { ApiStore, StoredKey, StatusClass, UsageEvent } from "./types";

type Cached = { url: string; store: ApiStore; factory: typeof createApiStore };
const globalForStore = globalThis as unknown as { copaApiStore?: Cached };

export function createApiStore(url: string): ApiStore {
  return /^postgres(ql)?:\/\//.test(url) ? new PostgresApiStore(url) : new SqliteApiStore(url);
}

export function getApiStore(): ApiStore {
  const url = getEnv().DATABASE_URL;
  const current = globalForStore.copaApiStore;
  if (current && current.url === url && current.factory === createApiStore) return current.store;
  // Requests already running on the old instance get a few seconds to finish.
  if (current) setTimeout(() => void current.store.close().catch(() => undefined), 10_000).unref?.();
  const store = createApiStore(url);
  globalForStore.copaApiStore = { url, store, factory: createApiStore };
  return store;
}

/** Closes the store (tests and scripts; a server keeps it for its lifetime). */
export async function closeApiStore(): Promise<void> {
  const current = globalForStore.copaApiStore;
  globalForStore.copaApiStore = undefined;
  await current?.store.close();
}
