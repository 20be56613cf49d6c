// The unused keys and scopes report as a table, for the partner's page (their
// organisation, with actions) and the admin's (every organisation, with a link to review
// each key). The rows come paged from lib/keys/unused.ts.
import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { UNUSED_DAYS, type UnusedKeyRow } from "@/lib/keys/unused";

type Props = {
  rows: UnusedKeyRow[];
  keyHref: (row: UnusedKeyRow) => string;
  showOrganization?: boolean;
  actions: (row: UnusedKeyRow) => ReactNode;
};

export async function UnusedKeysTable({ rows, keyHref, showOrganization = false, actions }: Props) {
  const t = await getTranslations("insight.unused");
  return (
    <Table>
      <THead>
        <tr>
          <Th>{t("key")}</Th>
          {showOrganization && <Th>{t("organization")}</Th>}
          <Th>{t("lastUsed")}</Th>
          <Th>{t("finding")}</Th>
          <Th>{t("action")}</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={row.id} data-testid="unused-key-row">
            <Td label={t("key")}>
              <Link href={keyHref(row)} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                {row.name}
              </Link>
              <code className="block break-all text-xs text-zinc-500 dark:text-zinc-400">{row.mask}</code>
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t.rich("created", { time: () => <Time value={row.createdAt} dateOnly /> })}</span>
            </Td>
            {showOrganization && <Td label={t("organization")}>{row.organizationName}</Td>}
            <Td label={t("lastUsed")} className="whitespace-nowrap">
              <Time value={row.lastUsedAt} relative fallback={t("never")} />
            </Td>
            <Td label={t("finding")}>
              {row.unused && (
                <span className="mb-1 block">
                  <Badge tone="amber">{t("keyUnused", { days: UNUSED_DAYS })}</Badge>
                </span>
              )}
              {!row.unused && (
                <span className="block text-xs">
                  {t("scopesUnused")} <span className="font-mono">{row.unusedScopes.join(", ")}</span>
                </span>
              )}
              {row.usedScopes.length > 0 && (
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  {t("scopesUsed")} <span className="font-mono">{row.usedScopes.join(", ")}</span>
                </span>
              )}
            </Td>
            <Td label={t("action")}>
              <div className="flex flex-wrap gap-2">{actions(row)}</div>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
