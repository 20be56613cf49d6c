// The baseline: a bare node:http + better-sqlite3 server doing the same work as
// GET /api/v1/cooperatives and nothing else (no framework, no rate limiting, no usage
// counting): key format check, SHA-256, one indexed lookup of the key and its
// organisation, the key's state and scope check, then one page of cooperatives with the
// total, as the same DRF-style JSON.
//   node --import tsx scripts/bench/bare-server.ts DB_FILE PORT
import { createHash } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";

const [file, port] = [process.argv[2], Number(process.argv[3])];
const db = new Database(file, { readonly: true });
const KEY = /^sk_copa_(partner|webhook|mobile|system)_[a-z0-9]{32}$/;
const findKey = db.prepare(
  `SELECT k."scopes", k."status", k."environment", k."expiresAt", k."revokedAt", o."suspendedAt"
   FROM "ApiKey" k JOIN "Organization" o ON o."id" = k."organizationId" WHERE k."hash" = ?`,
);
const total = db.prepare(`SELECT COUNT(*) AS "count" FROM "Cooperative"`);
const page = db.prepare(
  `SELECT "id", "code", "name", "province", "district", "sector", "cell", "activity", "programme", "memberCount", "createdAt"
   FROM "Cooperative" ORDER BY "createdAt", "id" LIMIT ? OFFSET ?`,
);

type Row = { id: string; code: string; name: string; province: string; district: string; sector: string; cell: string; activity: string; programme: string | null; memberCount: number; createdAt: string };

function send(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

const UNAUTHORIZED = '{"detail":"Invalid API key"}';

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    if (url.pathname !== "/api/v1/cooperatives") return send(res, 404, '{"detail":"Not found."}');
    const auth = req.headers.authorization;
    const presented = auth?.startsWith("Bearer ") ? auth.slice(7).trim() : (req.headers["x-api-key"] as string | undefined)?.trim();
    if (!presented || !KEY.test(presented)) return send(res, 401, UNAUTHORIZED);
    const key = findKey.get(createHash("sha256").update(presented, "utf8").digest("hex")) as
      | { scopes: string; status: string; environment: string; expiresAt: string | null; revokedAt: string | null; suspendedAt: string | null }
      | undefined;
    if (!key || key.status !== "active" || key.revokedAt || key.suspendedAt || key.environment !== "sandbox" || (key.expiresAt && Date.parse(key.expiresAt) <= Date.now())) {
      return send(res, 401, UNAUTHORIZED);
    }
    if (!key.scopes.split(" ").includes("cooperatives:read")) return send(res, 403, '{"detail":"Insufficient scope"}');
    const pageNumber = Number(url.searchParams.get("page") ?? 1);
    const pageSize = Number(url.searchParams.get("page_size") ?? 20);
    const count = (total.get() as { count: number }).count;
    const rows = page.all(pageSize, (pageNumber - 1) * pageSize) as Row[];
    const next = pageNumber * pageSize < count ? new URL(url) : null;
    next?.searchParams.set("page", String(pageNumber + 1));
    send(
      res,
      200,
      JSON.stringify({
        count,
        next: next ? next.toString() : null,
        previous: null,
        results: rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          province: r.province,
          district: r.district,
          sector: r.sector,
          cell: r.cell,
          activity: r.activity,
          programme: r.programme,
          member_count: r.memberCount,
          created_at: new Date(r.createdAt).toISOString(),
        })),
      }),
    );
  })
  .listen(port, "127.0.0.1", () => process.stdout.write(`ready ${port}\n`));
