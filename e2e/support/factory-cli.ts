// Runs one seed or inspection command through the real services and prints its result as
// JSON. Playwright's CommonJS loader cannot load the generated Prisma client (it is an ES
// module that uses import.meta), so specs reach the services through this script, run by
// tsx, instead of importing them; e2e/support/factory.ts is the only caller.
// Usage: tsx e2e/support/factory-cli.ts '{"command":...,"args":{}}'
//    or: tsx e2e/support/factory-cli.ts --serve   (JSON lines, see serve())
import { randomBytes } from "node:crypto";
import { createAdmin, signUp } from "@/lib/accounts/service";
import { suspendOrganization } from "@/lib/admin/organizations";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { encryptTotpSecret, generateTotpSecret } from "@/lib/auth/totp";
import { getTotpKey } from "@/lib/env";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { createSession, SESSION_JWT_MAX_AGE } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { issueGatewayCredential } from "@/lib/gateway/service";
import { revealKey, revokeKey } from "@/lib/keys/service";
import { createOrganization } from "@/lib/organizations/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest } from "@/lib/requests/service";
import { seedSandbox } from "@/lib/sandbox/seed";
import { scopeRequiresJustification } from "@/lib/scopes/catalog";
import { ANSWER_MARK, type FactoryAnswer } from "./factory-protocol";

type Role = "owner" | "developer" | "viewer";
type Environment = "sandbox" | "production";
type KeyType = "partner" | "webhook" | "mobile" | "system";
/** keyType defaults to partner; the scopes must suit it (the key policy, lib/keys/policy.ts). */
type RequestArgs = { userId: string; keyName?: string; scopes?: string[]; environment?: Environment; keyType?: KeyType };

const DEFAULT_SCOPES = ["cooperatives:read", "members:read"];

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** A signed-up account with a password long enough for the sign-in form. */
async function newAccount(emailPrefix: string, namePrefix: string) {
  const suffix = hex(4);
  const email = `${emailPrefix}-${suffix}@bank.example`;
  const password = `pw-${suffix}-long-enough`;
  const name = `${namePrefix} ${suffix}`;
  const { id } = await signUp({ name, email, password });
  // Verified, as if the mailed link had been followed (e2e/mail.spec.ts follows a real one).
  await db.user.update({ where: { id }, data: { emailVerifiedAt: new Date() } });
  return { email, password, name, userId: id, suffix };
}

/** The user as the services see a signed-in partner (their first membership). */
async function partnerUser(userId: string): Promise<PartnerUser> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const m = await db.membership.findFirstOrThrow({
    where: { userId },
    include: { organization: { select: { id: true, legalName: true, suspendedAt: true } } },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: "partner",
    membership: { id: m.id, role: m.role as Role, organizationId: m.organizationId, organization: m.organization },
  };
}

/** The admin with this e-mail, or the oldest enabled admin. */
async function adminUser(email?: string): Promise<CurrentUser> {
  const admin = email
    ? await db.user.findUniqueOrThrow({ where: { email } })
    : await db.user.findFirstOrThrow({ where: { role: "admin", disabled: false }, orderBy: { createdAt: "asc" } });
  if (admin.role !== "admin") throw new Error(`${admin.email} is not an admin`);
  return { id: admin.id, email: admin.email, name: admin.name, role: "admin", membership: null };
}

/** Submits a request as the user, with a justification for every scope that needs one. */
async function submit(args: RequestArgs) {
  const scopes = args.scopes ?? DEFAULT_SCOPES;
  const input = accessRequestSchema.parse({
    keyName: args.keyName ?? `Loan checks ${hex(3)}`,
    keyType: args.keyType ?? "partner",
    environment: args.environment ?? "sandbox",
    useCase: "We verify cooperative membership before granting agricultural loans to members.",
    scopes,
    justifications: Object.fromEntries(scopes.filter(scopeRequiresJustification).map((s) => [s, `Our branch agents need ${s} to keep member records current.`])),
  });
  const { id } = await submitAccessRequest(input, await partnerUser(args.userId), null);
  return { requestId: id, keyName: input.keyName };
}

/** Approves a request; the key waits "Ready to reveal". */
async function approve(requestId: string, grantedScopes: string[], adminEmail?: string) {
  return approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes }), await adminUser(adminEmail), null);
}

/** A request submitted, approved in full and revealed: an active key of the user's organisation. */
async function activeKeyOf(args: RequestArgs & { adminEmail?: string }) {
  const scopes = args.scopes ?? DEFAULT_SCOPES;
  const { requestId, keyName } = await submit({ ...args, scopes });
  const { keyId } = await approve(requestId, scopes, args.adminEmail);
  const { secret } = await revealKey(keyId, await partnerUser(args.userId), null);
  return { keyId, keyName, requestId, secret };
}

const commands = {
  /** A partner user with an organisation (owner of a new one unless organizationId is given). */
  async createPartner(args: { role?: Role; organizationId?: string }) {
    const { email, password, name, userId, suffix } = await newAccount("partner", "Partner");
    let organizationId = args.organizationId;
    if (!organizationId) {
      organizationId = (
        await createOrganization(
          { legalName: `Umurenge Bank ${suffix}`, kind: "bank", country: "RW", website: null, contactEmail: email },
          { id: userId, email, name, role: "partner", membership: null },
          null,
        )
      ).id;
      if (args.role && args.role !== "owner") {
        await db.membership.update({ where: { userId_organizationId: { userId, organizationId } }, data: { role: args.role } });
      }
    } else {
      await db.membership.create({ data: { userId, organizationId, role: args.role ?? "developer" } });
    }
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    return { email, password, name, organizationId, organizationName: org.legalName, userId };
  },

  /**
   * Signs in with e-mail and password through the portal's own sign-in (authenticate(): the
   * throttle, argon2, the Session row, the audit event) and returns the session cookie the
   * sign-in form would have set, for specs whose subject is not the form itself.
   */
  async signInCookie(args: { email: string; password: string; userAgent: string }) {
    const outcome = await authenticate({ email: args.email, password: args.password }, { ip: null, userAgent: args.userAgent });
    if (!outcome.ok) throw new Error(`sign-in refused: ${outcome.reason}`);
    const value = await encode({ token: { sid: outcome.sessionId }, secret: process.env.NEXTAUTH_SECRET!, maxAge: SESSION_JWT_MAX_AGE });
    return { name: SESSION_COOKIE, value };
  },

  /** A live server-side session of the user that signed in `minutesAgo` minutes ago. */
  async createSession(args: { userId: string; minutesAgo: number }) {
    const { role } = await db.user.findUniqueOrThrow({ where: { id: args.userId }, select: { role: true } });
    const now = new Date(Date.now() - args.minutesAgo * 60_000);
    const { id } = await db.$transaction((tx) => createSession(tx, { userId: args.userId, role, ip: null, userAgent: "e2e", now }));
    return { sessionId: id };
  },

  /** An account that belongs to no organisation yet (as right after sign-up). */
  async createAccount() {
    const { email, password, name, userId } = await newAccount("dev", "Developer");
    return { email, password, name, userId };
  },

  /** A second admin, so a spec can demote someone other than the shared seeded admin. */
  async createAdmin(args: { twoFactor?: boolean } = {}) {
    const suffix = hex(4);
    const email = `admin-${suffix}@copa.test`;
    const password = `admin-pw-${suffix}-long`;
    const { id } = await createAdmin(email, password, `Second admin ${suffix}`);
    // Enrolled, as the console requires of admins (unless asked not to); the secret lets
    // the spec compute codes.
    if (args.twoFactor === false) return { id, email, password, totpSecret: null };
    const totpSecret = generateTotpSecret();
    await db.twoFactor.create({ data: { userId: id, secret: encryptTotpSecret(totpSecret, getTotpKey(), id), enabledAt: new Date() } });
    return { id, email, password, totpSecret };
  },

  /** A pending request, optionally backdated by `ageDays` (plus an hour, so "N days ago" is exact). */
  async submitRequest(args: RequestArgs & { ageDays?: number }) {
    const result = await submit(args);
    if (args.ageDays) {
      await db.accessRequest.update({ where: { id: result.requestId }, data: { createdAt: new Date(Date.now() - args.ageDays * 86_400_000 - 3_600_000) } });
    }
    return result;
  },

  /** Approves a request as the given admin (default: the oldest admin); the key waits "Ready to reveal". */
  async approveRequest(args: { requestId: string; adminEmail?: string; grantedScopes: string[] }) {
    return approve(args.requestId, args.grantedScopes, args.adminEmail);
  },

  /** An approved and revealed (active) key of the user's organisation. */
  async activeKey(args: { userId: string; adminEmail?: string; keyName?: string }) {
    const { keyId, keyName, requestId } = await activeKeyOf({ ...args, keyName: args.keyName ?? `Live ${hex(3)}`, scopes: ["cooperatives:read"] });
    return { keyId, keyName, requestId };
  },

  /** A fresh organisation whose owner holds a revealed key with these scopes, for the /api/v1 specs. */
  async issueKey(args: { scopes: string[]; environment?: Environment; limitHour?: number; limitDay?: number }) {
    await seedSandbox(db);
    const partner = await commands.createPartner({});
    const key = await activeKeyOf({ userId: partner.userId, scopes: args.scopes, environment: args.environment, keyName: `API spec ${hex(4)}` });
    if (args.limitHour || args.limitDay) {
      await db.apiKey.update({ where: { id: key.keyId }, data: { rateLimitHour: args.limitHour ?? null, rateLimitDay: args.limitDay ?? null } });
    }
    return { secret: key.secret, keyId: key.keyId, keyName: key.keyName, organizationId: partner.organizationId, email: partner.email, password: partner.password };
  },

  /** `count` approved keys awaiting reveal in one organisation, written at once (for paging). */
  async bulkKeys(args: { organizationId: string; count: number }) {
    const start = Date.now() - args.count * 1000;
    await db.apiKey.createMany({
      data: Array.from({ length: args.count }, (_, i) => ({
        organizationId: args.organizationId,
        name: `Bulk key ${String(i + 1).padStart(3, "0")}`,
        type: "partner",
        environment: "sandbox",
        scopes: "cooperatives:read",
        createdAt: new Date(start + i * 1000),
      })),
    });
    return { created: args.count };
  },

  /** Revokes a key as an admin. */
  async revokeKey(args: { keyId: string }) {
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: args.keyId }, select: { name: true } });
    await revokeKey({ keyId: args.keyId, confirmName: key.name, reason: "e2e" }, await adminUser(), { admin: true }, null);
    return { revoked: true };
  },

  async issueGatewayCredential(args: { name: string }) {
    const { token, id } = await issueGatewayCredential({ name: args.name }, await adminUser(), null);
    return { token, id };
  },

  /** The user's membership and organisation, or null. */
  async membershipOf(args: { email: string }) {
    return db.membership.findFirst({
      where: { user: { email: args.email } },
      select: { role: true, organization: { select: { id: true, legalName: true, kind: true, country: true, website: true, contactEmail: true } } },
    });
  },

  /** The newest outbox row for an address (the admin mail page needs an id). */
  async latestMail(args: { to: string }) {
    return db.mailMessage.findFirstOrThrow({ where: { to: args.to }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, subject: true } });
  },

  async countRequests(args: { organizationId: string }) {
    return db.accessRequest.count({ where: { organizationId: args.organizationId } });
  },

  async requestState(args: { requestId: string }) {
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: args.requestId }, select: { status: true, grantedScopes: true, decisionNote: true } });
    const keys = await db.apiKey.count({ where: { requestId: args.requestId } });
    const approvals = await db.auditEvent.count({ where: { targetId: args.requestId, action: "request.approved" } });
    return { ...row, keys, approvals };
  },

  async keyRow(args: { keyId: string }) {
    return db.apiKey.findUnique({ where: { id: args.keyId }, select: { id: true, status: true, mask: true, scopes: true, revokedAt: true, rotatedTo: { select: { id: true } } } });
  },

  /** Makes a key `days` old with no expiry (the unused-keys report looks at keys older than 90 days). */
  async backdateKey(args: { keyId: string; days: number }) {
    await db.apiKey.update({ where: { id: args.keyId }, data: { createdAt: new Date(Date.now() - args.days * 86_400_000), expiresAt: null } });
    return null;
  },

  async keyState(args: { keyId: string }) {
    return db.apiKey.findUniqueOrThrow({ where: { id: args.keyId }, select: { status: true, revokedReason: true } });
  },

  async keyUsage(args: { keyId: string }) {
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: args.keyId }, select: { lastUsedAt: true, lastUsedIp: true } });
    const days = await db.keyUsageDaily.findMany({ where: { keyId: args.keyId } });
    return { lastUsedAt: key.lastUsedAt?.toISOString() ?? null, lastUsedIp: key.lastUsedIp, days };
  },

  /** Suspends an organisation as the oldest admin, as the console does. */
  async suspendOrganization(args: { organizationId: string; reason?: string }) {
    await suspendOrganization({ organizationId: args.organizationId, reason: args.reason ?? "Suspended by an e2e spec" }, await adminUser(), null);
    return { suspended: true };
  },

  async organizationState(args: { organizationId: string }) {
    const org = await db.organization.findUniqueOrThrow({ where: { id: args.organizationId }, select: { suspendedAt: true, suspendedReason: true } });
    const events = await db.auditEvent.findMany({ where: { organizationId: args.organizationId, action: { in: ["organization.suspended", "organization.reactivated"] } }, select: { action: true, metadata: true } });
    return { suspended: org.suspendedAt !== null, reason: org.suspendedReason, events };
  },

  /** The newest mail to an address (its id only), as the admin's mail list would show it. */
  async latestMailTo(args: { to: string }) {
    const mail = await db.mailMessage.findFirst({ where: { to: args.to }, orderBy: { createdAt: "desc" }, select: { id: true } });
    return { mailId: mail?.id ?? null };
  },
} as const;

export type FactoryCommand = keyof typeof commands;

async function runCommand(command: FactoryCommand, args: never): Promise<unknown> {
  const run = commands[command];
  if (!run) throw new Error(`unknown factory command: ${String(command)}`);
  return (await run(args)) ?? null;
}

/**
 * `--serve`: one process per Playwright worker answers every command of that worker, one
 * JSON request per stdin line (`{id, command, args}`), one marked JSON answer per stdout
 * line. Starting tsx, Prisma and the services once instead of per command saves about two
 * seconds of CPU per call; the commands themselves run exactly as in one-shot mode.
 */
async function serve() {
  const { createInterface } = await import("node:readline");
  const lines = createInterface({ input: process.stdin });
  const inFlight = new Set<Promise<unknown>>();
  lines.on("line", (line) => {
    const { id, command, args } = JSON.parse(line) as { id: number; command: FactoryCommand; args: never };
    const answer = (a: FactoryAnswer) => process.stdout.write(`${ANSWER_MARK}${JSON.stringify(a)}\n`);
    const done = runCommand(command, args).then(
      (result) => answer({ id, ok: true, result }),
      (error: unknown) => answer({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  // The worker closed its end: answer what is under way, then finish.
  lines.on("close", () => {
    void Promise.allSettled([...inFlight])
      .then(() => db.$disconnect())
      .then(() => process.exit(0));
  });
}

async function main() {
  if (process.argv[2] === "--serve") return serve();
  const { command, args } = JSON.parse(process.argv[2] ?? "{}") as { command: FactoryCommand; args: never };
  const result = await runCommand(command, args);
  process.stdout.write(JSON.stringify(result));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
