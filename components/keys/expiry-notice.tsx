// A key's expiry on its page (issue 12): a countdown when it ends within 14 days, a plain
// statement once it has ended (the API refuses an expired key like a revoked one,
// lib/api/authenticate.ts), and "Request a renewal": a new request prefilled from the one
// the key was issued for (or from the key itself), reviewed under the policy in force.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Time } from "@/components/ui/time";
import { daysUntil, EXPIRY_WARNING_DAYS, renewalHref } from "./expiry-rules";

type Props = {
  keyRow: { id: string; type: string; environment: string; scopes: string; expiresAt: Date | null; requestId: string | null; rotatedTo?: { id: string } | null };
  state: "pending" | "active" | "expired" | "revoked";
  canManage: boolean;
  now?: Date;
};

export async function KeyExpiryNotice({ keyRow, state, canManage, now = new Date() }: Props) {
  if (!keyRow.expiresAt || state === "revoked" || keyRow.rotatedTo) return null;
  const t = await getTranslations("review.expiry");
  const days = daysUntil(keyRow.expiresAt, now);
  const renew = canManage ? (
    <Link href={renewalHref(keyRow)} className="mt-2 inline-block font-medium text-brand-700 underline dark:text-brand-100" data-testid="request-renewal">
      {t("renew")}
    </Link>
  ) : null;
  // The page's own notice already says the key expired and the API refuses it: add the way out.
  if (state === "expired") return renew ? <p data-testid="key-expiry" className="text-sm">{renew}</p> : null;
  if (days > EXPIRY_WARNING_DAYS) return null;
  return (
    <div data-testid="key-expiry">
      <Alert tone="warning" title={t("countdown", { days })}>
        {t("expiresOn")} <Time value={keyRow.expiresAt} />. {t("soon")}
        {renew && <span className="block">{renew}</span>}
      </Alert>
    </div>
  );
}
