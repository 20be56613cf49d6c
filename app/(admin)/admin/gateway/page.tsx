import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/auth/session";
import { listGatewayCredentials } from "@/lib/gateway/service";
import { IssueCredential } from "./_components/issue-credential";
import { RevokeCredential } from "./_components/revoke-credential";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.gateway");
  return { title: t("title") };
}

/**
 * Credentials for COPA's production gateway to call the key verification service
 * (POST /api/keys/verify). Tokens are shown once at issue; the list shows masks only.
 */
export default async function GatewayPage() {
  await requireAdminPage();
  const credentials = await listGatewayCredentials();
  const active = credentials.filter((c) => !c.revokedAt).length;
  const t = await getTranslations("admin.gateway");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      <div className="space-y-6">
        <Card className="p-4 sm:p-5">
          <h2 className="text-base font-semibold">{t("issueTitle")}</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("issueIntro")}</p>
          <div className="mt-4">
            <IssueCredential />
          </div>
        </Card>

        <section aria-labelledby="credentials-heading" className="space-y-3">
          <h2 id="credentials-heading" className="text-base font-semibold">
            {t("credentials")} <span className="font-normal text-zinc-600 dark:text-zinc-400">{t("activeCount", { count: active })}</span>
          </h2>
          {credentials.length === 0 ? (
            <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
          ) : (
            <Table>
              <THead>
                <tr>
                  <Th>{t("name")}</Th>
                  <Th>{t("token")}</Th>
                  <Th>{t("status")}</Th>
                  <Th>{t("issued")}</Th>
                  <Th>{t("lastUsed")}</Th>
                  <Th>
                    <span className="sr-only">{t("actions")}</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {credentials.map((c) => (
                  <Tr key={c.id}>
                    <Td label={t("name")} className="font-medium">{c.name}</Td>
                    <Td label={t("token")}>
                      <code className="text-xs">{c.mask}</code>
                    </Td>
                    <Td label={t("status")}>
                      {c.revokedAt ? (
                        <Badge tone="red" title={t("revokedAt", { date: c.revokedAt.toISOString() })}>{t("revoked")}</Badge>
                      ) : (
                        <Badge tone="green">{t("active")}</Badge>
                      )}
                    </Td>
                    <Td label={t("issued")}>
                      <Time value={c.createdAt} dateOnly />
                    </Td>
                    <Td label={t("lastUsed")}>
                      <Time value={c.lastUsedAt} relative fallback={t("never")} className="text-zinc-700 dark:text-zinc-300" />
                    </Td>
                    <Td label={t("actions")} className="md:text-right">
                      {!c.revokedAt && <RevokeCredential id={c.id} name={c.name} />}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
