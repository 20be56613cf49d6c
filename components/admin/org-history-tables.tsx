// The organisation's keys and access requests, shown on the admin organisation page and
// beside a request under review.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { adminTranslator, EnvironmentBadge, KeyStateBadge, keyTypeLabel, RequestStatusBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { ScopeList } from "@/components/admin/scope-list";
import { Time } from "@/components/ui/time";
import type { getOrganizationHistory } from "@/lib/admin/queries";
import { parseScopes } from "@/lib/scopes/enforcement";

type OrganizationHistory = Awaited<ReturnType<typeof getOrganizationHistory>>;

/**
 * `compact` puts the mask beside the environment and leaves out the key type (the
 * request page); otherwise the mask has its own line and the type is shown.
 */
export async function OrgKeysTable({ keys, caption, compact = false, now }: { keys: OrganizationHistory["keys"]; caption: string; compact?: boolean; now?: Date }) {
  const [t, root] = await Promise.all([getTranslations("admin.history"), adminTranslator()]);
  const nowrap = compact ? undefined : "whitespace-nowrap";
  return (
    <DataTable caption={caption}>
      <THead>
        <TH>{t("key")}</TH>
        <TH>{t("scopes")}</TH>
        <TH>{t("state")}</TH>
        <TH>{t("lastUsed")}</TH>
      </THead>
      <TBody>
        {keys.map((k) => (
          <TR key={k.id}>
            <TD label={t("key")}>
              <Link className="font-medium text-brand-700 hover:underline dark:text-brand-100" href={`/admin/keys/${k.id}`}>
                {k.name}
              </Link>
              {compact ? (
                <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                  <code>{k.mask ?? t("notRevealed")}</code> <EnvironmentBadge environment={k.environment} />
                </span>
              ) : (
                <>
                  <code className="block text-xs text-zinc-500 dark:text-zinc-400">{k.mask ?? t("notRevealedYet")}</code>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(k.type, root)} <EnvironmentBadge environment={k.environment} />
                  </span>
                </>
              )}
            </TD>
            <TD label={t("scopes")}>
              <ScopeList scopes={parseScopes(k.scopes)} />
            </TD>
            <TD label={t("state")} className={nowrap}>
              <KeyStateBadge keyRow={k} now={now} />
            </TD>
            <TD label={t("lastUsed")} className={nowrap}>
              <Time value={k.lastUsedAt} relative fallback={t("never")} />
            </TD>
          </TR>
        ))}
      </TBody>
    </DataTable>
  );
}

/**
 * `submitted` shows the submission as a relative time or as a date; `showRejectionReason`
 * adds the reason under a rejected request's status.
 */
export async function OrgRequestsTable({
  requests,
  caption,
  submitted,
  showRejectionReason = false,
}: {
  requests: OrganizationHistory["requests"];
  caption: string;
  submitted: "relative" | "date";
  showRejectionReason?: boolean;
}) {
  const [t, root] = await Promise.all([getTranslations("admin.history"), adminTranslator()]);
  return (
    <DataTable caption={caption}>
      <THead>
        <TH>{t("key")}</TH>
        <TH>{t("scopes")}</TH>
        <TH>{t("status")}</TH>
        <TH>{t("submitted")}</TH>
      </THead>
      <TBody>
        {requests.map((r) => (
          <TR key={r.id}>
            <TD label={t("key")}>
              <Link className="font-medium text-brand-700 hover:underline dark:text-brand-100" href={`/admin/requests/${r.id}`}>
                {r.keyName}
              </Link>
              <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                {keyTypeLabel(r.keyType, root)} <EnvironmentBadge environment={r.environment} />
              </span>
            </TD>
            <TD label={r.grantedScopes !== null ? t("granted") : t("requested")}>
              <ScopeList scopes={parseScopes(r.grantedScopes ?? r.requestedScopes)} />
            </TD>
            <TD label={t("status")}>
              <RequestStatusBadge status={r.status} />
              {showRejectionReason && r.status === "rejected" && r.decisionNote && <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">{r.decisionNote}</span>}
            </TD>
            {submitted === "relative" ? (
              <TD label={t("submitted")} className="whitespace-nowrap">
                <Time value={r.createdAt} relative />
              </TD>
            ) : (
              <TD label={t("submitted")}>
                <Time value={r.createdAt} dateOnly />
              </TD>
            )}
          </TR>
        ))}
      </TBody>
    </DataTable>
  );
}

/** The link from a shortened history table to the full, paged list. */
export function SeeAll({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="text-sm text-brand-700 underline dark:text-brand-100">
      {children}
    </Link>
  );
}
