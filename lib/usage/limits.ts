// An admin sets (or clears) a key's own rate limits. Takes effect on the key's next
// request in every process: the wrapper reads the limits with the key on each call.
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { notify, organizationRecipients } from "@/lib/notifications";

export type KeyLimitsInput = { keyId: string; rateLimitHour: number | null; rateLimitDay: number | null };

export async function setKeyRateLimits(input: KeyLimitsInput, admin: CurrentUser, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: input.keyId }, select: { id: true, name: true, organizationId: true, mask: true, rateLimitHour: true, rateLimitDay: true, organization: { select: { legalName: true } } } });
    if (!key) throw notFound();
    await tx.apiKey.update({ where: { id: key.id }, data: { rateLimitHour: input.rateLimitHour, rateLimitDay: input.rateLimitDay } });
    await recordAudit(tx, {
      action: "key.limits_changed",
      actor: { id: admin.id, email: admin.email },
      organizationId: key.organizationId,
      target: { type: "key", id: key.id },
      metadata: {
        mask: key.mask,
        fromHour: key.rateLimitHour,
        fromDay: key.rateLimitDay,
        toHour: input.rateLimitHour,
        toDay: input.rateLimitDay,
      },
      ip,
    });
    const limit = (n: number | null) => (n === null ? "the default" : n.toLocaleString("en"));
    await notify(tx, await organizationRecipients(tx, key.organizationId), "key_limits_changed", {
      organizationName: key.organization.legalName,
      keyName: key.name,
      perHour: limit(input.rateLimitHour),
      perDay: limit(input.rateLimitDay),
      keyPath: `/keys/${key.id}`,
    });
  });
}
