// Prisma CLI configuration. Migrations run through Prisma 6's bundled WebAssembly schema
// engine ("js") with a driver adapter, so no native engine is ever downloaded.
import path from "node:path";
import { defineConfig } from "prisma/config";

// The js engine never loads these, but without them the CLI tries to download binaries.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= __filename;
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= __filename;
// With a config file present the CLI does not read .env; default like the app does.
process.env.DATABASE_URL ??= "file:./data/copa.db";

const url = process.env.DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: {
    path: isPostgres ? path.join("prisma", "postgresql", "migrations") : path.join("prisma", "migrations"),
  },
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const pg = await import("pg");
      // prisma/orm#27403: the schema engine cannot deserialize catalog types such as
      // `name`; report them as text / text[] to the CLI's adapter only (never the app's).
      const asText: Record<number, number> = { 19: 25, 18: 25, 24: 25, 22: 25, 30: 25, 1002: 1009, 1003: 1009 };
      type Fields = { fields?: { dataTypeID: number }[] };
      class CatalogSafeClient extends pg.default.Client {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        query(...args: any[]): any {
          const fix = (res: Fields) => {
            for (const field of res?.fields ?? []) field.dataTypeID = asText[field.dataTypeID] ?? field.dataTypeID;
            return res;
          };
          const last = args.length - 1;
          if (typeof args[last] === "function") {
            const callback = args[last];
            args[last] = (err: unknown, res: Fields) => callback(err, err ? res : fix(res));
          }
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          const result = (super.query as any)(...args);
          return result && typeof result.then === "function" ? result.then(fix) : result;
        }
      }
      // A pool config (not a Pool instance: the adapter's instanceof check may see another
      // copy of pg). A short idle timeout lets `migrate status` exit promptly.
      const factory = new PrismaPg({ connectionString: url, idleTimeoutMillis: 100, Client: CatalogSafeClient });
      // @prisma/adapter-pg 6.x runs a migration script by splitting it on every ";", which
      // breaks on a semicolon in a comment, a string or a function body (our
      // copa_consume_rate_limit). PostgreSQL's simple query protocol takes the whole script
      // at once, as Prisma's native schema engine sends it: do that, for the CLI only.
      type Script = { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never; executeScript(script: string): Promise<void> };
      const connect = factory.connect.bind(factory);
      factory.connect = async () => {
        const adapter = (await connect()) as unknown as Script;
        adapter.executeScript = async function (this: Script, script: string) {
          try {
            await this.client.query(script);
          } catch (error) {
            this.onError(error);
          }
        };
        return adapter as unknown as Awaited<ReturnType<typeof connect>>;
      };
      return factory;
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url });
  },
});
