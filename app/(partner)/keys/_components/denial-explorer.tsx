// The key's refused calls of the last 30 days, newest first, a page at a time: when,
// which endpoint, the status the caller got and why. A missing-scope refusal names the
// scope that would have allowed the call and links to the scope-change form with it
// ticked, for those who may change the key's scopes.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { DENIAL_RETENTION_DAYS, listKeyDenials } from "@/lib/keys/denials";

type Props = {
  organizationId: string;
  keyId: string;
  page: number;
  /** Scopes a scope change may add to this key now (empty: no link is offered). */
  requestable: string[];
};

export const DENIAL_REASONS = ["revoked", "expired", "organization_suspended", "insufficient_scope", "rate_limited", "ip_not_allowed"] as const;

export async function DenialExplorer({ organizationId, keyId, page, requestable }: Props) {
  const [t, format, denials] = await Promise.all([getTranslations("insight.denials"), getFormatter(), listKeyDenials(organizationId, keyId, page)]);
  const reasonText = (reason: string) => ((DENIAL_REASONS as readonly string[]).includes(reason) ? t(`reasons.${reason as (typeof DENIAL_REASONS)[number]}`) : reason);
  return (
    <Card className="p-5 sm:p-6" id="denials">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro", { days: DENIAL_RETENTION_DAYS })}</p>
      {denials.total === 0 ? (
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">{t("none")}</p>
      ) : (
        <div className="mt-3">
          <Table>
            <THead>
              <tr>
                <Th>{t("time")}</Th>
                <Th>{t("endpoint")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("reason")}</Th>
              </tr>
            </THead>
            <TBody>
              {denials.rows.map((d) => (
                <Tr key={d.id} data-testid="denial-row">
                  <Td label={t("time")} className="whitespace-nowrap text-zinc-700 dark:text-zinc-300">
                    <Time value={d.at} />
                  </Td>
                  <Td label={t("endpoint")} className="font-mono text-xs">
                    {d.method && d.path ? `${d.method} ${d.path}` : t("gateway")}
                    {d.ip && <span className="block text-zinc-500 dark:text-zinc-400">{t("from", { ip: d.ip })}</span>}
                  </Td>
                  <Td label={t("status")} className="font-mono tabular-nums">
                    {format.number(d.status, { useGrouping: false })}
                  </Td>
                  <Td label={t("reason")}>
                    {reasonText(d.reason)}
                    {d.reason === "insufficient_scope" && d.scope && (
                      <span className="block text-xs">
                        {t("needed")} <span className="font-mono">{d.scope}</span>
                        {requestable.includes(d.scope) && (
                          <>
                            {" · "}
                            <Link href={`/keys/${keyId}?addScope=${encodeURIComponent(d.scope)}#scope-change`} className="font-medium text-brand-700 underline dark:text-brand-100">
                              {t("requestScope", { scope: d.scope })}
                            </Link>
                          </>
                        )}
                      </span>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pager
            page={denials.page}
            pageSize={denials.pageSize}
            total={denials.total}
            noun={t("noun")}
            label={t("pages")}
            hrefFor={(p) => (p > 1 ? `/keys/${keyId}?denials=${p}#denials` : `/keys/${keyId}#denials`)}
          />
        </div>
      )}
    </Card>
  );
}
