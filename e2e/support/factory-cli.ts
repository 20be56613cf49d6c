// Runs one seed command through the real services and prints its result as JSON.
// Playwright's CommonJS loader cannot load the generated Prisma client (it is an ES module
// that uses import.meta), so specs reach the services through this script, run by tsx,
// instead of importing them. Usage: tsx e2e/support/factory-cli.ts '{"command":...,"args":{}}'
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/accounts/service";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/organizations/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest } from "@/lib/requests/service";

type Role = "owner" | "developer" | "viewer";

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

async function adminUser(email: string): Promise<CurrentUser> {
  const admin = await db.user.findUniqueOrThrow({ where: { email } });
  if (admin.role !== "admin") throw new Error(`${email} is not an admin`);
  return { id: admin.id, email: admin.email, name: admin.name, role: "admin", membership: null };
}

const commands = {
  /** A partner user with an organisation (owner of a new one unless organizationId is given). */
  async createPartner(args: { role?: Role; organizationId?: string }) {
    const suffix = randomBytes(4).toString("hex");
    const email = `partner-${suffix}@bank.example`;
    const password = `pw-${suffix}-long-enough`;
    const name = `Partner ${suffix}`;
    const { id } = await signUp({ name, email, password });
    let organizationId = args.organizationId;
    if (!organizationId) {
      organizationId = (
        await createOrganization(
          { legalName: `Umurenge Bank ${suffix}`, kind: "bank", country: "RW", website: null, contactEmail: email },
          { id, email, name, role: "partner", membership: null },
          null,
        )
      ).id;
      if (args.role && args.role !== "owner") {
        await db.membership.update({ where: { userId_organizationId: { userId: id, organizationId } }, data: { role: args.role } });
      }
    } else {
      await db.membership.create({ data: { userId: id, organizationId, role: args.role ?? "developer" } });
    }
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    return { email, password, name, organizationId, organizationName: org.legalName, userId: id };
  },

  /** An account that belongs to no organisation yet (as right after sign-up). */
  async createAccount() {
    const suffix = randomBytes(4).toString("hex");
    const email = `dev-${suffix}@bank.example`;
    const password = `pw-${suffix}-long-enough`;
    const name = `Developer ${suffix}`;
    const { id } = await signUp({ name, email, password });
    return { email, password, name, userId: id };
  },

  /** A pending access request submitted by the user. */
  async submitRequest(args: { userId: string; keyName?: string; scopes?: string[]; environment?: "sandbox" | "production" }) {
    const keyName = args.keyName ?? `Loan checks ${randomBytes(3).toString("hex")}`;
    const input = accessRequestSchema.parse({
      keyName,
      keyType: "partner",
      environment: args.environment ?? "sandbox",
      useCase: "We verify cooperative membership before granting agricultural loans to members.",
      scopes: args.scopes ?? ["cooperatives:read", "members:read"],
      justifications: { "members:write": "We register members who join through our branch network." },
    });
    const { id } = await submitAccessRequest(input, await partnerUser(args.userId), null);
    return { requestId: id, keyName };
  },

  /** Approves a request as the given admin; the key waits "Ready to reveal". */
  async approveRequest(args: { requestId: string; adminEmail: string; grantedScopes: string[] }) {
    const input = approveRequestSchema.parse({ requestId: args.requestId, grantedScopes: args.grantedScopes });
    return approveAccessRequest(input, await adminUser(args.adminEmail), null);
  },

  /** The user's membership and organisation, or null. */
  async membershipOf(args: { email: string }) {
    return db.membership.findFirst({
      where: { user: { email: args.email } },
      select: { role: true, organization: { select: { id: true, legalName: true, kind: true, country: true, website: true, contactEmail: true } } },
    });
  },

  async countRequests(args: { organizationId: string }) {
    return db.accessRequest.count({ where: { organizationId: args.organizationId } });
  },

  async keyRow(args: { keyId: string }) {
    return db.apiKey.findUnique({ where: { id: args.keyId }, select: { id: true, status: true, mask: true, revokedAt: true, rotatedTo: { select: { id: true } } } });
  },
} as const;

async function main() {
  const { command, args } = JSON.parse(process.argv[2] ?? "{}") as { command: keyof typeof commands; args: never };
  const run = commands[command];
  if (!run) throw new Error(`unknown factory command: ${String(command)}`);
  const result = await run(args);
  process.stdout.write(JSON.stringify(result ?? null));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
