// Seed commands for the /api/v1 specs, run by tsx in a child process (Playwright's loader
// cannot load the generated Prisma client; see e2e/support/factory.ts). Everything goes
// through the real services. Usage: tsx e2e/api-factory-cli.ts '{"command":...,"args":{}}'
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/accounts/service";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { issueGatewayCredential } from "@/lib/gateway/service";
import { revealKey, revokeKey } from "@/lib/keys/service";
import { createOrganization } from "@/lib/organizations/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest } from "@/lib/requests/service";
import { seedSandbox } from "@/lib/sandbox/seed";

async function anAdmin(): Promise<CurrentUser> {
  const admin = await db.user.findFirstOrThrow({ where: { role: "admin", disabled: false }, orderBy: { createdAt: "asc" } });
  return { id: admin.id, email: admin.email, name: admin.name, role: "admin", membership: null };
}

const commands = {
  /** A fresh organisation whose owner holds a revealed key with these scopes. */
  async issueKey(args: { scopes: string[]; environment?: "sandbox" | "production"; limitHour?: number; limitDay?: number }) {
    await seedSandbox(db);
    const suffix = randomBytes(4).toString("hex");
    const email = `api-${suffix}@bank.example`;
    const password = `pw-${suffix}-long-enough`;
    const { id } = await signUp({ name: `API tester ${suffix}`, email, password });
    const base: CurrentUser = { id, email, name: `API tester ${suffix}`, role: "partner", membership: null };
    const org = await createOrganization({ legalName: `Sandbox Bank ${suffix}`, kind: "bank", country: "RW", website: null, contactEmail: email }, base, null);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: id }, include: { organization: { select: { id: true, legalName: true, suspendedAt: true } } } });
    const partner: PartnerUser = { ...base, membership: { id: membership.id, role: "owner", organizationId: org.id, organization: membership.organization } };
    const request = accessRequestSchema.parse({
      keyName: `API spec ${suffix}`,
      keyType: "partner",
      environment: args.environment ?? "sandbox",
      useCase: "End-to-end checks of the sandbox API through the running portal.",
      scopes: args.scopes,
      justifications: Object.fromEntries(args.scopes.filter((s) => s.endsWith(":write")).map((s) => [s, "End-to-end checks of the write endpoints."])),
    });
    const { id: requestId } = await submitAccessRequest(request, partner, null);
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: args.scopes }), await anAdmin(), null);
    const { secret } = await revealKey(keyId, partner, null);
    if (args.limitHour || args.limitDay) {
      await db.apiKey.update({ where: { id: keyId }, data: { rateLimitHour: args.limitHour ?? null, rateLimitDay: args.limitDay ?? null } });
    }
    return { secret, keyId, keyName: request.keyName, organizationId: org.id, email, password };
  },

  async revokeKey(args: { keyId: string }) {
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: args.keyId }, select: { name: true } });
    await revokeKey({ keyId: args.keyId, confirmName: key.name, reason: "e2e" }, await anAdmin(), { admin: true }, null);
    return { revoked: true };
  },

  async issueGatewayCredential(args: { name: string }) {
    const { token, id } = await issueGatewayCredential({ name: args.name }, await anAdmin(), null);
    return { token, id };
  },

  async keyUsage(args: { keyId: string }) {
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: args.keyId }, select: { lastUsedAt: true, lastUsedIp: true } });
    const days = await db.keyUsageDaily.findMany({ where: { keyId: args.keyId } });
    return { lastUsedAt: key.lastUsedAt?.toISOString() ?? null, lastUsedIp: key.lastUsedIp, days };
  },
};

async function main() {
  const { command, args } = JSON.parse(process.argv[2] ?? "{}") as { command: keyof typeof commands; args: never };
  const fn = commands[command];
  if (!fn) throw new Error(`unknown command ${command}`);
  process.stdout.write(JSON.stringify(await fn(args)));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
