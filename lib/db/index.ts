// The Prisma client and nothing else. Both generated clients ship in every build; the
// database URL picks one at runtime, so one build serves SQLite and PostgreSQL.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Database as BetterSqlite3Database } from "better-sqlite3";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { getEnv } from "@/lib/env";

/**
 * Code is written against the SQLite client's types and stays on the subset both
 * providers share (strings for enumerations, no scalar lists, no provider-only filters).
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { copaDb?: Db };

/**
 * SQLite tuned for a web server: WAL so readers never wait for the writer, NORMAL sync
 * (safe with WAL), and write transactions that take the write lock up front. Prisma's
 * adapter opens transactions with a deferred BEGIN; when two processes (say the server
 * and a CLI) both read then write, SQLite cannot upgrade the second one's lock and fails
 * at once with "database is locked" instead of waiting. BEGIN IMMEDIATE makes it queue
 * behind the busy timeout instead.
 */
class TunedSqliteAdapterFactory extends PrismaBetterSQLite3 {
  async connect() {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: BetterSqlite3Database }).client;
    client.pragma("journal_mode = WAL");
    client.pragma("synchronous = NORMAL");
    const prepare = client.prepare.bind(client);
    client.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof client.prepare;
    return adapter;
  }
}

export function createDb(url: string): Db {
  if (url.startsWith("postgres")) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // better-sqlite3 waits up to 5 s for a writer lock instead of failing at once.
  const adapter = new TunedSqliteAdapterFactory({ url, timeout: 5000 });
  return new SqliteClient({ adapter });
}

/** The process-wide client, opened on first use (never at build time). */
export function getDb(): Db {
  globalForDb.copaDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.copaDb;
}

/** Proxy so modules can `import { db }` without opening the database on import. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
