// Seed and inspection commands for the admin specs, run through the real services in a
// tsx child process (Playwright's loader cannot load the generated Prisma client; see
// support/factory-cli.ts). Usage: tsx e2e/admin-factory-cli.ts '{"command":...,"args":{}}'
import { randomBytes } from "node:crypto";
import { createAdmin } from "@/lib/accounts/service";
import type { PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { revealKey } from "@/lib/keys/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest } from "@/lib/requests/service";
import { scopeRequiresJustification } from "@/lib/scopes/catalog";

async function partnerUser(userId: string): Promise<PartnerUser> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const m = await db.membership.findFirstOrThrow({ where: { userId }, include: { organization: { select: { id: true, legalName: true, suspendedAt: true } } } });
  return { id: user.id, email: user.email, name: user.name, role: "partner", membership: { id: m.id, role: m.role as "owner", organizationId: m.organizationId, organization: m.organization } };
}

const commands = {
  /** A pending request, optionally backdated by `ageDays` (plus an hour, so "N days ago" is exact). */
  async submitRequest(args: { userId: string; keyName?: string; scopes?: string[]; environment?: "sandbox" | "production"; ageDays?: number }) {
    const scopes = args.scopes ?? ["cooperatives:read", "members:read"];
    const keyName = args.keyName ?? `Review ${randomBytes(3).toString("hex")}`;
    const input = accessRequestSchema.parse({
      keyName,
      keyType: "partner",
      environment: args.environment ?? "sandbox",
      useCase: "We verify cooperative membership before granting agricultural loans to members.",
      scopes,
      justifications: Object.fromEntries(scopes.filter(scopeRequiresJustification).map((s) => [s, `Our branch agents need ${s} to keep member records current.`])),
    });
    const { id } = await submitAccessRequest(input, await partnerUser(args.userId), null);
    if (args.ageDays) {
      await db.accessRequest.update({ where: { id }, data: { createdAt: new Date(Date.now() - args.ageDays * 86_400_000 - 3_600_000) } });
    }
    return { requestId: id, keyName };
  },

  /** An approved and revealed (active) key of the user's organisation. */
  async activeKey(args: { userId: string; adminEmail: string; keyName?: string }) {
    const partner = await partnerUser(args.userId);
    const keyName = args.keyName ?? `Live ${randomBytes(3).toString("hex")}`;
    const { requestId } = await commands.submitRequest({ userId: args.userId, keyName, scopes: ["cooperatives:read"] });
    const admin = await db.user.findUniqueOrThrow({ where: { email: args.adminEmail } });
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["cooperatives:read"] }), { id: admin.id, email: admin.email, name: admin.name, role: "admin", membership: null }, null);
    await revealKey(keyId, partner, null);
    return { keyId, keyName, requestId };
  },

  async requestState(args: { requestId: string }) {
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: args.requestId }, select: { status: true, grantedScopes: true, decisionNote: true } });
    const keys = await db.apiKey.count({ where: { requestId: args.requestId } });
    const approvals = await db.auditEvent.count({ where: { targetId: args.requestId, action: "request.approved" } });
    return { ...row, keys, approvals };
  },

  async keyState(args: { keyId: string }) {
    return db.apiKey.findUniqueOrThrow({ where: { id: args.keyId }, select: { status: true, revokedReason: true } });
  },

  async organizationState(args: { organizationId: string }) {
    const org = await db.organization.findUniqueOrThrow({ where: { id: args.organizationId }, select: { suspendedAt: true, suspendedReason: true } });
    const events = await db.auditEvent.findMany({ where: { organizationId: args.organizationId, action: { in: ["organization.suspended", "organization.reactivated"] } }, select: { action: true, metadata: true } });
    return { suspended: org.suspendedAt !== null, reason: org.suspendedReason, events };
  },

  /** A second admin, so a spec can demote someone other than the shared seeded admin. */
  async createAdmin() {
    const suffix = randomBytes(4).toString("hex");
    const email = `admin-${suffix}@copa.test`;
    const password = `admin-pw-${suffix}-long`;
    const { id } = await createAdmin(email, password, `Second admin ${suffix}`);
    return { id, email, password };
  },
} as const;

async function main() {
  const { command, args } = JSON.parse(process.argv[2] ?? "{}") as { command: keyof typeof commands; args: never };
  const run = commands[command];
  if (!run) throw new Error(`unknown admin factory command: ${String(command)}`);
  const result = await run(args);
  process.stdout.write(JSON.stringify(result ?? null));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
