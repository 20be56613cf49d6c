// The organisation's keys and access requests, shown on the admin organisation page and
// beside a request under review.
import Link from "next/link";
import { EnvironmentBadge, KeyStateBadge, keyTypeLabel, RequestStatusBadge } from "@/components/admin/badges";
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
export function OrgKeysTable({ keys, caption, compact = false, now }: { keys: OrganizationHistory["keys"]; caption: string; compact?: boolean; now?: Date }) {
  const nowrap = compact ? undefined : "whitespace-nowrap";
  return (
    <DataTable caption={caption}>
      <THead>
        <TH>Key</TH>
        <TH>Scopes</TH>
        <TH>State</TH>
        <TH>Last used</TH>
      </THead>
      <TBody>
        {keys.map((k) => (
          <TR key={k.id}>
            <TD label="Key">
              <Link className="font-medium text-brand-700 hover:underline dark:text-brand-100" href={`/admin/keys/${k.id}`}>
                {k.name}
              </Link>
              {compact ? (
                <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                  <code>{k.mask ?? "not revealed"}</code> <EnvironmentBadge environment={k.environment} />
                </span>
              ) : (
                <>
                  <code className="block text-xs text-zinc-500 dark:text-zinc-400">{k.mask ?? "not revealed yet"}</code>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(k.type)} <EnvironmentBadge environment={k.environment} />
                  </span>
                </>
              )}
            </TD>
            <TD label="Scopes">
              <ScopeList scopes={parseScopes(k.scopes)} />
            </TD>
            <TD label="State" className={nowrap}>
              <KeyStateBadge keyRow={k} now={now} />
            </TD>
            <TD label="Last used" className={nowrap}>
              <Time value={k.lastUsedAt} relative fallback="Never" />
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
export function OrgRequestsTable({
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
  return (
    <DataTable caption={caption}>
      <THead>
        <TH>Key</TH>
        <TH>Scopes</TH>
        <TH>Status</TH>
        <TH>Submitted</TH>
      </THead>
      <TBody>
        {requests.map((r) => (
          <TR key={r.id}>
            <TD label="Key">
              <Link className="font-medium text-brand-700 hover:underline dark:text-brand-100" href={`/admin/requests/${r.id}`}>
                {r.keyName}
              </Link>
              <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                {keyTypeLabel(r.keyType)} <EnvironmentBadge environment={r.environment} />
              </span>
            </TD>
            <TD label={r.grantedScopes !== null ? "Granted" : "Requested"}>
              <ScopeList scopes={parseScopes(r.grantedScopes ?? r.requestedScopes)} />
            </TD>
            <TD label="Status">
              <RequestStatusBadge status={r.status} />
              {showRejectionReason && r.status === "rejected" && r.decisionNote && <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">{r.decisionNote}</span>}
            </TD>
            {submitted === "relative" ? (
              <TD label="Submitted" className="whitespace-nowrap">
                <Time value={r.createdAt} relative />
              </TD>
            ) : (
              <TD label="Submitted">
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
