// npm run seed:scale: the dataset the page budgets are measured against (README, "Scale"),
// so anyone can reproduce the figures: 10,000 organisations (one owner each), 10,000
// pending requests, one organisation with 1,000 keys (and the 1,000 approved requests
// they came from, each notified to its owner), 100,000 audit events and each owner's sent
// verification mail. Everything is fictional (@scale.example).
//
// Writes into the configured DATABASE_URL (default data/copa.db), after applying the
// migrations. Refuses a database that already holds partner data, or a PostgreSQL server
// that is not on this machine, unless --force: this adds thousands of fake partners.
//
//   npm run seed:scale [-- --force] [-- --tag NAME]
//
// --tag names this run in the seeded e-mails (default: random), so the big organisation's
// owner is scale-owner-<tag>@scale.example; the password is SCALE_PASSWORD or the default
// printed at the end. Rows go in as multi-row INSERTs of up to 1,000 rows; every seeded
// user shares one argon2 hash, computed once.
import { randomBytes, randomUUID } from "node:crypto";
import { applyDefaults, loadDotEnv, migrate } from "./lib/setup";

export const SCALE = { organizations: 10_000, pendingRequests: 10_000, keysInOneOrganization: 1_000, auditEvents: 100_000 } as const;
/** Of the pending requests, how many belong to the big organisation (the rest: one per other organisation). */
const BIG_ORG_PENDING = 200;
/** Rows per INSERT statement, at most. */
const CHUNK = 1_000;
const DEFAULT_PASSWORD = "scale-partner-password";

const DAY = 86_400_000;

function parseArgs(argv: string[]) {
  const force = argv.includes("--force");
  const i = argv.indexOf("--tag");
  const tag = i >= 0 ? argv[i + 1] : randomBytes(3).toString("hex");
  if (!tag || !/^[a-z0-9-]{1,20}$/.test(tag)) throw new Error("--tag takes 1-20 lower-case letters, digits or dashes");
  return { force, tag };
}

// Names that read like the partners COPA has (banks, SACCOs, agencies), distinct by number.
const FIRST = ["Umurenge", "Inkingi", "Ejo Heza", "Duterimbere", "Urwego", "Zigama", "Akagera", "Nyungwe", "Kivu", "Virunga", "Intambwe", "Umucyo", "Twiyubake", "Abakundakurima", "Iterambere", "Agaseke"];
const SECOND = ["SACCO", "Microfinance", "Bank", "Cooperative Union", "Credit Union", "Fintech", "Farmers Fund", "Agency", "Savings Group", "Payments"];
const KINDS = ["microfinance", "microfinance", "bank", "fintech", "ngo", "government", "other"];
const SCOPE_SETS = ["cooperatives:read members:read", "cooperatives:read", "cooperatives:read members:read loans:read", "members:read payments:read", "cooperatives:read members:read members:write"];
const KEY_TYPES = ["partner", "partner", "partner", "webhook", "mobile", "system"];
const USE_CASE = "We check that loan applicants are active members of a registered cooperative before a loan officer approves their application.";

const pick = <T,>(list: readonly T[], i: number) => list[i % list.length];
const pad = (n: number) => String(n).padStart(5, "0");

async function main() {
  const { force, tag } = parseArgs(process.argv.slice(2));
  loadDotEnv();
  applyDefaults();
  const url = process.env.DATABASE_URL!;
  const started = performance.now();
  console.log(`Database: ${url.startsWith("file:") ? url : "PostgreSQL"}`);

  if (/^postgres/.test(url) && !force) {
    const host = new URL(url).hostname;
    if (!["localhost", "127.0.0.1", "::1", ""].includes(host)) {
      throw new Error(`Refusing to seed a PostgreSQL server on ${host}: that looks like a real deployment. Pass --force if this database is a throwaway.`);
    }
  }
  migrate();

  // Imported after the environment is settled: lib/env reads it once.
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");

  const [existingOrgs, existingPartners] = await Promise.all([db.organization.count(), db.user.count({ where: { role: "partner" } })]);
  if ((existingOrgs > 0 || existingPartners > 0) && !force) {
    throw new Error(
      `Refusing to seed: this database already holds ${existingOrgs} organisation(s) and ${existingPartners} partner account(s), so it may be real. ` +
        "seed:scale adds 10,000 fictional organisations and their users. Point DATABASE_URL at an empty database, or pass --force to add them anyway.",
    );
  }

  const password = process.env.SCALE_PASSWORD || DEFAULT_PASSWORD;
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  const t = (msAgo: number) => new Date(now - msAgo);

  // ---- organisations, their owners, memberships -------------------------------------
  type Org = { id: string; legalName: string; kind: string; country: string; contactEmail: string; createdAt: Date; updatedAt: Date };
  type User = { id: string; email: string; name: string; passwordHash: string; role: string; createdAt: Date; updatedAt: Date; emailVerifiedAt: Date };
  const orgs: Org[] = [];
  const users: User[] = [];
  const memberships: { id: string; userId: string; organizationId: string; role: string; createdAt: Date }[] = [];
  for (let i = 0; i < SCALE.organizations; i++) {
    const big = i === 0;
    // Spread over the last 400 days, oldest first.
    const createdAt = t(400 * DAY - (i * 400 * DAY) / SCALE.organizations);
    const legalName = big ? `Scale Bank of Rwanda ${tag}` : `${pick(FIRST, i)} ${pick(SECOND, Math.floor(i / FIRST.length))} ${pad(i)}`;
    const org: Org = { id: randomUUID(), legalName, kind: big ? "bank" : pick(KINDS, i), country: "RW", contactEmail: `api-${pad(i)}-${tag}@scale.example`, createdAt, updatedAt: createdAt };
    const email = big ? `scale-owner-${tag}@scale.example` : `owner-${pad(i)}-${tag}@scale.example`;
    const user: User = { id: randomUUID(), email, name: big ? "Scale Owner" : `Owner ${pad(i)}`, passwordHash, role: "partner", createdAt, updatedAt: createdAt, emailVerifiedAt: createdAt };
    orgs.push(org);
    users.push(user);
    memberships.push({ id: randomUUID(), userId: user.id, organizationId: org.id, role: "owner", createdAt });
  }
  const bigOrg = orgs[0];
  const bigOwner = users[0];

  // ---- requests and keys ------------------------------------------------------------
  type Request = {
    id: string;
    organizationId: string;
    requesterId: string;
    keyName: string;
    keyType: string;
    environment: string;
    useCase: string;
    requestedScopes: string;
    status: string;
    grantedScopes: string | null;
    decidedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  };
  const requests: Request[] = [];
  const keys: Record<string, unknown>[] = [];
  // Pending: 200 in the big organisation, then one in each other organisation, spread
  // over the last 90 days so "oldest first" has something to sort.
  for (let i = 0; i < SCALE.pendingRequests; i++) {
    const inBig = i < BIG_ORG_PENDING;
    const o = inBig ? 0 : i - BIG_ORG_PENDING + 1;
    const createdAt = t(90 * DAY - (i * 90 * DAY) / SCALE.pendingRequests - 60_000);
    requests.push({
      id: randomUUID(),
      organizationId: orgs[o].id,
      requesterId: users[o].id,
      keyName: inBig ? `Pending integration ${pad(i)}` : `Loan checks ${pad(i)}`,
      keyType: pick(KEY_TYPES, i),
      environment: i % 4 === 0 ? "production" : "sandbox",
      useCase: USE_CASE,
      requestedScopes: pick(SCOPE_SETS, i),
      status: "pending",
      grantedScopes: null,
      decidedAt: null,
      createdAt,
      updatedAt: createdAt,
    });
  }
  // The big organisation's 1,000 keys, each issued from an approved request: mostly
  // active, some awaiting reveal, revoked or expired, like a long-lived integrator.
  for (let i = 0; i < SCALE.keysInOneOrganization; i++) {
    const createdAt = t(300 * DAY - (i * 300 * DAY) / SCALE.keysInOneOrganization);
    const decidedAt = new Date(createdAt.getTime() + 3_600_000);
    const scopes = pick(SCOPE_SETS, i);
    const requestId = randomUUID();
    const environment = i % 5 === 0 ? "production" : "sandbox";
    const type = pick(KEY_TYPES, i);
    const name = `Integration ${pad(i)}`;
    requests.push({ id: requestId, organizationId: bigOrg.id, requesterId: bigOwner.id, keyName: name, keyType: type, environment, useCase: USE_CASE, requestedScopes: scopes, status: "approved", grantedScopes: scopes, decidedAt, createdAt, updatedAt: decidedAt });
    const state = i % 10 === 1 ? "pending" : i % 10 === 2 ? "revoked" : i % 10 === 3 ? "expired" : "active";
    const revealed = state !== "pending";
    keys.push({
      id: randomUUID(),
      organizationId: bigOrg.id,
      requestId,
      name,
      type,
      environment,
      // No hash: these keys are for pages, not for the API (nobody holds their secrets).
      mask: revealed ? `sk_copa_${type}_••••${randomBytes(2).toString("hex")}` : null,
      scopes,
      status: state === "pending" ? "pending" : state === "revoked" ? "revoked" : "active",
      revealedAt: revealed ? decidedAt : null,
      createdAt: decidedAt,
      expiresAt: state === "expired" ? t(DAY) : i % 3 === 0 ? new Date(now + 180 * DAY) : null,
      revokedAt: state === "revoked" ? t(2 * DAY) : null,
      revokedReason: state === "revoked" ? "Integration retired" : null,
      lastUsedAt: state === "active" ? t((i % 48) * 3_600_000) : null,
    });
  }

  // ---- audit events: the real trail of the rows above, topped up with sign-ins -------
  const audit: { id: string; action: string; actorId: string | null; actorEmail: string | null; organizationId: string | null; targetType: string | null; targetId: string | null; metadata: string; createdAt: Date }[] = [];
  const event = (action: string, actor: User | null, organizationId: string | null, targetType: string | null, targetId: string | null, createdAt: Date, metadata = "{}") =>
    audit.push({ id: randomUUID(), action, actorId: actor?.id ?? null, actorEmail: actor?.email ?? null, organizationId, targetType, targetId, metadata, createdAt });
  orgs.forEach((o, i) => {
    event("user.signed_up", users[i], null, "user", users[i].id, o.createdAt);
    event("organization.created", users[i], o.id, "organization", o.id, new Date(o.createdAt.getTime() + 60_000), JSON.stringify({ legalName: o.legalName }));
  });
  const ownerOf = new Map(orgs.map((o, i) => [o.id, users[i]]));
  requests.forEach((r) => {
    const requester = ownerOf.get(r.organizationId)!;
    event("request.submitted", requester, r.organizationId, "request", r.id, r.createdAt, JSON.stringify({ keyName: r.keyName, scopes: r.requestedScopes.split(" ") }));
  });
  for (const k of keys) {
    event("key.issued", null, bigOrg.id, "key", k.id as string, k.createdAt as Date, JSON.stringify({ requestId: k.requestId, scopes: String(k.scopes).split(" ") }));
    if (k.revokedAt) event("key.revoked", bigOwner, bigOrg.id, "key", k.id as string, k.revokedAt as Date, JSON.stringify({ reason: k.revokedReason }));
  }
  for (let i = 0; audit.length < SCALE.auditEvents; i++) {
    const o = i % SCALE.organizations;
    event("user.signed_in", users[o], orgs[o].id, "user", users[o].id, t((i * 37 % (365 * 24)) * 3_600_000 + (i % 3_600) * 1_000));
  }

  // ---- mail and notifications: each owner's verification mail (sent), and the big ------
  // organisation's owner told of each approval (the in-app notifications of 1,000 keys)
  const mails = users.map((u) => ({
    id: randomUUID(),
    template: "verify_email",
    to: u.email,
    params: JSON.stringify({ name: u.name }),
    secret: null,
    subject: "Confirm your e-mail address for the COPA Developer Portal",
    status: "sent",
    attempts: 1,
    nextAttemptAt: u.createdAt,
    sentAt: u.createdAt,
    createdAt: u.createdAt,
    locale: "en",
  }));
  const notifications = keys.map((k) => ({
    id: randomUUID(),
    userId: bigOwner.id,
    kind: "request_approved",
    title: `Request approved: ${k.name}`,
    body: "",
    params: JSON.stringify({ organizationName: bigOrg.legalName, keyName: k.name, requestedScopes: k.scopes, grantedScopes: k.scopes, expiresAt: k.expiresAt ?? null, keyPath: `/keys/${k.id}` }),
    link: `/keys/${k.id}`,
    readAt: null,
    createdAt: k.createdAt,
  }));

  // ---- write ----------------------------------------------------------------------------
  // Prisma's createMany builds each multi-row INSERT in its JS query compiler: 26 s for the
  // audit events alone here. Plain multi-row INSERTs through the same client take a few
  // seconds. Columns are listed explicitly (no Prisma-level defaults in raw SQL), and
  // dates written in the text form Prisma itself stores on SQLite, so ordering and
  // comparisons treat seeded rows exactly like the app's own.
  const isPostgres = /^postgres/.test(url);
  const value = (v: unknown) => (v instanceof Date ? (isPostgres ? v.toISOString() : v.toISOString().replace("Z", "+00:00")) : v);
  const insert = async (label: string, table: string, rows: Record<string, unknown>[]) => {
    const t0 = performance.now();
    const columns = Object.keys(rows[0]);
    // Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
    const perStatement = Math.min(CHUNK, Math.floor(30_000 / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      let n = 0;
      const tuples = chunk.map(() => `(${columns.map(() => (isPostgres ? `$${++n}` : "?")).join(", ")})`);
      const params = chunk.flatMap((row) => columns.map((c) => value(row[c] ?? null)));
      await db.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, ...params);
    }
    console.log(`  ${label.padEnd(18)} ${rows.length.toLocaleString("en-GB").padStart(8)}  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  console.log("Writing:");
  await insert("organisations", "Organization", orgs);
  await insert("users", "User", users);
  await insert("memberships", "Membership", memberships);
  await insert("access requests", "AccessRequest", requests);
  await insert("API keys", "ApiKey", keys);
  await insert("audit events", "AuditEvent", audit);
  await insert("mails", "MailMessage", mails);
  await insert("notifications", "Notification", notifications);
  await db.$disconnect();

  const pending = requests.filter((r) => r.status === "pending").length;
  console.log(
    `\nSeeded ${orgs.length.toLocaleString("en-GB")} organisations (${users.length.toLocaleString("en-GB")} owners), ${pending.toLocaleString("en-GB")} pending requests, ` +
      `${keys.length.toLocaleString("en-GB")} keys in "${bigOrg.legalName}" and ${audit.length.toLocaleString("en-GB")} audit events in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`Sign in as the big organisation's owner: ${bigOwner.email} / ${password === DEFAULT_PASSWORD ? `${password} (SCALE_PASSWORD overrides it)` : "the SCALE_PASSWORD you set"}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
