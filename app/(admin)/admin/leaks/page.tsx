import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/auth/session";
import { GITHUB_LEAK_PATH } from "@/lib/leaks/github";
import { getLeakSettings, listLeakReports } from "@/lib/leaks/service";
import { parsePage } from "@/lib/paging";
import { LeakSettingsForm } from "./_components/leak-settings-form";
import { ReleaseQuarantine } from "./_components/release-quarantine";
import { ReportLeakForm } from "./_components/report-leak-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leaks");
  return { title: t("title") };
}

/**
 * Leaked keys (lib/leaks): reports from GitHub's secret scanning and from admins, the
 * policy that handles them, and the public keys that verify GitHub's signatures.
 */
export default async function LeaksPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdminPage();
  const t = await getTranslations("leaks");
  const page = parsePage((await searchParams).page);
  const [settings, reports] = await Promise.all([getLeakSettings(), listLeakReports(page)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro", { endpoint: `POST ${GITHUB_LEAK_PATH}` })}
      />
      <ClientMessages namespaces={["admin", "leaks"]}>
        <div className="space-y-6">
          <Card className="p-4 sm:p-5">
            <h2 className="text-base font-semibold">{t("report.title")}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("report.description")}</p>
            <div className="mt-4">
              <ReportLeakForm />
            </div>
          </Card>

          <Card className="p-4 sm:p-5">
            <h2 className="text-base font-semibold">{t("settings.title")}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("settings.description")}</p>
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
              {t("settings.configured", { count: settings.githubKeys.length, ids: settings.githubKeys.map((k) => k.id).join(", ") })}
            </p>
            <div className="mt-4">
              <LeakSettingsForm action={settings.action} githubKeys={settings.githubKeys.length ? JSON.stringify(settings.githubKeys, null, 2) : ""} />
            </div>
          </Card>

          <section aria-labelledby="reports-heading" className="space-y-3">
            <h2 id="reports-heading" className="text-base font-semibold">
              {t("list.title")}
            </h2>
            {reports.total === 0 ? (
              <EmptyState title={t("list.empty")} />
            ) : (
              <>
                <Table>
                  <THead>
                    <tr>
                      <Th>{t("list.when")}</Th>
                      <Th>{t("list.key")}</Th>
                      <Th>{t("list.organisation")}</Th>
                      <Th>{t("list.source")}</Th>
                      <Th>{t("list.where")}</Th>
                      <Th>{t("list.outcome")}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {reports.rows.map((r) => (
                      <Tr key={r.id}>
                        <Td label={t("list.when")}>
                          <Time value={r.createdAt} />
                        </Td>
                        <Td label={t("list.key")}>
                          <Link className="font-medium text-brand-700 underline dark:text-brand-300" href={`/admin/keys/${r.apiKey.id}`}>
                            {r.apiKey.name}
                          </Link>
                          <div>
                            <code className="text-xs">{r.apiKey.mask}</code>
                          </div>
                        </Td>
                        <Td label={t("list.organisation")}>
                          <Link className="text-brand-700 underline dark:text-brand-300" href={`/admin/organisations/${r.apiKey.organization.id}`}>
                            {r.apiKey.organization.legalName}
                          </Link>
                        </Td>
                        <Td label={t("list.source")}>{r.source === "github" ? t("list.github") : t("list.admin")}</Td>
                        <Td label={t("list.where")} className="max-w-64 break-all text-xs">
                          {r.location || "—"}
                        </Td>
                        <Td label={t("list.outcome")}>
                          {r.outcome === "revoked" ? (
                            <Badge tone="red">{t("list.revoked")}</Badge>
                          ) : r.outcome === "quarantined" ? (
                            r.releasedAt ? (
                              <Badge tone="neutral">{t("list.released")}</Badge>
                            ) : (
                              <div className="space-y-2">
                                <Badge tone="amber">{t("list.quarantined", { scopes: r.withdrawnScopes.join(", ") })}</Badge>
                                <ReleaseQuarantine reportId={r.id} keyName={r.apiKey.name} scopes={r.withdrawnScopes.join(", ")} />
                              </div>
                            )
                          ) : (
                            <span className="text-zinc-600 dark:text-zinc-400">{t("list.none")}</span>
                          )}
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
                <Pager page={reports.page} pageSize={reports.pageSize} total={reports.total} hrefFor={(p) => `/admin/leaks?page=${p}`} noun={t("list.noun")} />
              </>
            )}
          </section>
        </div>
      </ClientMessages>
    </>
  );
}
