import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EnvironmentBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/auth/session";
import { KEY_TYPE_IDS } from "@/lib/keys/key-types";
import { READ_SCOPES, ceilingScopes } from "@/lib/keys/policy";
import { getKeyPolicy, listKeysOutsidePolicy } from "@/lib/keys/policy-store";
import { parsePage } from "@/lib/paging";
import { KeyPolicyForm } from "./_components/key-policy-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.policy");
  return { title: t("title") };
}

/**
 * The key policy admins edit (lib/keys/policy-store.ts), and the live keys a tightened
 * policy no longer allows, paged: they are listed, never changed, for an admin to act on.
 */
export default async function KeyPolicyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const t = await getTranslations("review.policy");
  const page = parsePage((await searchParams).page);
  const policy = await getKeyPolicy();
  const outside = await listKeysOutsidePolicy(policy, page);
  const ceiling = Object.fromEntries(KEY_TYPE_IDS.map((type) => [type, ceilingScopes(type)]));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="p-4 sm:p-5">
        <h2 className="sr-only">{t("formTitle")}</h2>
        <ClientMessages namespaces={["admin", "review"]}>
          <KeyPolicyForm initial={policy} ceiling={ceiling} readScopes={READ_SCOPES} />
        </ClientMessages>
      </Card>
      <section aria-labelledby="outside-title" className="mt-8" data-testid="keys-outside-policy">
        <h2 id="outside-title" className="text-lg font-semibold">
          {t("outside.title")}
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("outside.description")}</p>
        {outside.total === 0 ? (
          <EmptyState title={t("outside.empty")} />
        ) : (
          <>
            <p className="mb-2 text-sm font-medium" data-testid="outside-count">
              {t("outside.count", { count: outside.total })}
            </p>
            <DataTable caption={t("outside.title")}>
              <THead>
                <TH>{t("outside.key")}</TH>
                <TH>{t("outside.organisation")}</TH>
                <TH>{t("outside.reason")}</TH>
                <TH>{t("outside.expires")}</TH>
              </THead>
              <TBody>
                {outside.rows.map((key) => (
                  <TR key={key.id}>
                    <TD label={t("outside.key")}>
                      <Link href={`/admin/keys/${key.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                        {key.name}
                      </Link>
                      <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                        {t(`types.${key.type as "partner"}`)} <EnvironmentBadge environment={key.environment} />
                        {key.mask && <code className="font-mono">{key.mask}</code>}
                      </span>
                    </TD>
                    <TD label={t("outside.organisation")}>
                      <Link href={`/admin/organisations/${key.organization.id}`} className="hover:underline">
                        {key.organization.legalName}
                      </Link>
                    </TD>
                    <TD label={t("outside.reason")}>
                      <ul className="list-disc pl-4 text-sm">
                        {key.reasons.map((r) => (
                          <li key={r.kind}>
                            {r.kind === "scopes"
                              ? t("outside.scopes", { scopes: r.scopes.join(", "), type: t(`types.${key.type as "partner"}`) })
                              : t("outside.lifetime", { days: r.maxDays })}
                          </li>
                        ))}
                      </ul>
                    </TD>
                    <TD label={t("outside.expires")} className="whitespace-nowrap">
                      <Time value={key.expiresAt} dateOnly fallback={t("outside.never")} />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </DataTable>
            <Pager page={outside.page} pageSize={outside.pageSize} total={outside.total} hrefFor={(p) => `/admin/policy?page=${p}`} noun={t("outside.noun")} label={t("outside.pages")} />
          </>
        )}
      </section>
    </>
  );
}
