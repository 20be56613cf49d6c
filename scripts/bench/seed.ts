// The benchmark's database: a fresh SQLite file with the committed migrations, 100,000 API
// keys across 1,000 organisations and the 2,000-cooperative sandbox (the seed's own
// generator, so the rows are the ones the app serves). Written with better-sqlite3 in a
// few transactions: seconds, not minutes.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { generateGatewayToken } from "@/lib/gateway/token";
import { generateKey } from "@/lib/keys/key-format";
import { generateSandbox } from "@/lib/sandbox/seed";

/** Prisma's SQLite DateTime encoding, so the app reads these rows like its own. */
const date = (d: Date | number) => new Date(d).toISOString().replace("Z", "+00:00");
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

export type BenchDatabase = {
  file: string;
  url: string;
  /** The measured API key (sandbox, cooperatives:read, limits raised so a run is measured, not throttled). */
  key: string;
  keyId: string;
  /** A second such key, verified through the gateway service, so each path's bookkeeping is checked on its own. */
  verifyKey: string;
  verifyKeyId: string;
  /** A gateway credential for POST /api/keys/verify. */
  gatewayToken: string;
  /** Secrets of the first `knownKeys` keys (sandbox, cooperatives:read, raised limits), for a many-key load. */
  known: string[];
  keys: number;
  cooperatives: number;
};

const KEY_TYPES = ["partner", "system", "mobile", "webhook"] as const;

export function createBenchDatabase(root: string, options: { keys: number; cooperatives: number; knownKeys?: number; file?: string }): BenchDatabase {
  const dir = path.join(root, "data", "bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, options.file ?? "bench.db");
  const knownKeys = options.knownKeys ?? 0;
  const known: string[] = [];
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });

  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF"); // a throwaway file being filled; the servers open it normally
  const migrations = path.join(root, "prisma", "migrations");
  for (const name of readdirSync(migrations, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    db.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
  }

  const now = Date.now();
  const created = date(now);
  const organizations = Math.max(1, Math.ceil(options.keys / 100));
  const insertOrg = db.prepare(`INSERT INTO "Organization" ("id", "legalName", "kind", "country", "contactEmail", "createdAt", "updatedAt") VALUES (?, ?, 'bank', 'RW', ?, ?, ?)`);
  const insertKey = db.prepare(
    `INSERT INTO "ApiKey" ("id", "organizationId", "name", "type", "environment", "hash", "mask", "scopes", "status", "revealedAt", "createdAt", "rateLimitHour", "rateLimitDay")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  );
  let benchKey = "";
  let benchKeyId = "";
  let verifyKey = { secret: "", id: "" };
  const gatewayToken = generateGatewayToken();
  db.transaction(() => {
    for (let o = 0; o < organizations; o++) insertOrg.run(`00000000-0000-4000-8000-${String(o).padStart(12, "0")}`, `Bench Bank ${o}`, `ops${o}@bench.example`, created, created);
    for (let k = 0; k < options.keys; k++) {
      const type = KEY_TYPES[k % KEY_TYPES.length];
      const secret = generateKey(k === 0 || k <= knownKeys ? "partner" : type);
      const id = `10000000-0000-4000-8000-${String(k).padStart(12, "0")}`;
      const scopes = k % 3 === 0 ? "cooperatives:read members:read" : k % 3 === 1 ? "cooperatives:read" : "members:read members:write";
      // The measured key: a sandbox key with cooperatives:read whose limits are raised so a
      // run of tens of thousands of requests is measured rather than throttled. The rate
      // limiter still does all its work on every request.
      // Keys 1..knownKeys are like it, for loads spread over many keys.
      const isBench = k === 0 || k <= knownKeys;
      insertKey.run(
        id,
        `00000000-0000-4000-8000-${String(k % organizations).padStart(12, "0")}`,
        k === 0 ? "Benchmark key" : `Key ${k}`,
        isBench ? "partner" : type,
        isBench || k % 2 === 0 ? "sandbox" : "production",
        sha256(secret),
        `${secret.slice(0, secret.lastIndexOf("_") + 1)}••••${secret.slice(-4)}`,
        isBench ? "cooperatives:read members:read" : scopes,
        created,
        created,
        isBench ? 1_000_000_000 : null,
        isBench ? 1_000_000_000 : null,
      );
      if (k === 0) {
        benchKey = secret;
        benchKeyId = id;
      } else if (isBench) known.push(secret);
    }
    const verifySecret = generateKey("partner");
    verifyKey = { secret: verifySecret, id: "20000000-0000-4000-8000-000000000001" };
    insertKey.run(verifyKey.id, `00000000-0000-4000-8000-${"0".repeat(12)}`, "Verification benchmark key", "partner", "sandbox", sha256(verifySecret), `sk_copa_partner_••••${verifySecret.slice(-4)}`, "cooperatives:read members:read", created, created, 1_000_000_000, 1_000_000_000);
    db.prepare(`INSERT INTO "GatewayCredential" ("id", "name", "hash", "mask", "createdAt") VALUES (?, 'Benchmark gateway', ?, ?, ?)`).run(
      "30000000-0000-4000-8000-000000000001",
      sha256(gatewayToken),
      `gw_copa_••••${gatewayToken.slice(-4)}`,
      created,
    );
  })();

  const sandbox = generateSandbox({ cooperatives: options.cooperatives });
  const insertCoop = db.prepare(`INSERT INTO "Cooperative" ("id", "code", "name", "province", "district", "sector", "cell", "activity", "programme", "memberCount", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMember = db.prepare(`INSERT INTO "Member" ("id", "cooperativeId", "firstName", "lastName", "gender", "phone", "nationalIdMasked", "joinedAt", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLoan = db.prepare(`INSERT INTO "Loan" ("id", "cooperativeId", "memberId", "principal", "currency", "interestRate", "termMonths", "status", "purpose", "createdAt") VALUES (?, ?, ?, ?, 'RWF', ?, ?, ?, ?, ?)`);
  const insertPayment = db.prepare(`INSERT INTO "Payment" ("id", "cooperativeId", "memberId", "loanId", "amount", "currency", "method", "reference", "paidAt", "createdAt") VALUES (?, ?, ?, ?, ?, 'RWF', ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const c of sandbox.cooperatives) insertCoop.run(c.id, c.code, c.name, c.province, c.district, c.sector, c.cell, c.activity, c.programme, c.memberCount, date(c.createdAt), date(c.updatedAt));
    for (const m of sandbox.members) insertMember.run(m.id, m.cooperativeId, m.firstName, m.lastName, m.gender, m.phone, m.nationalIdMasked, date(m.joinedAt), m.status, date(m.createdAt), date(m.updatedAt));
    for (const l of sandbox.loans) insertLoan.run(l.id, l.cooperativeId, l.memberId, l.principal, l.interestRate, l.termMonths, l.status, l.purpose, date(l.createdAt));
    for (const p of sandbox.payments) insertPayment.run(p.id, p.cooperativeId, p.memberId, p.loanId, p.amount, p.method, p.reference, date(p.paidAt), date(p.createdAt));
  })();
  db.exec("ANALYZE");
  db.close();
  return {
    file,
    url: `file:${file}`,
    key: benchKey,
    keyId: benchKeyId,
    verifyKey: verifyKey.secret,
    verifyKeyId: verifyKey.id,
    gatewayToken,
    known,
    keys: options.keys,
    cooperatives: sandbox.cooperatives.length,
  };
}
