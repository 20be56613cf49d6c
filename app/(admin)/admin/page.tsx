import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EnvironmentBadge, keyTypeLabel, organizationKindLabel } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { ScopeList } from "@/components/admin/scope-list";
import { StatCard } from "@/components/admin/stat-card";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { ageKey, hrefWith } from "@/lib/admin/filters";
import { DECISION_OUTCOMES, EXPIRY_HORIZON_DAYS, getAdminMetrics, METRIC_WINDOWS, SCOPE_WINDOW_DAYS, splitDuration, USAGE_DAYS } from "@/lib/admin/metrics";
import { getOverviewCounts } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { listOldestPendingRequests } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";
import { MetricBars } from "./_components/metric-bars";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queue");
  return { title: t("overview.metaTitle") };
}

/** The overview shows the few requests waiting longest; the queue itself is paged. */
const OLDEST_SHOWN = 5;

const LINK = "font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100";

export default async function AdminOverviewPage() {
  await requireAdminPage();
  const t = await getTranslations("queue");
  const format = await getFormatter();
  const now = new Date();
  const [pending, counts, metrics] = await Promise.all([listOldestPendingRequests(OLDEST_SHOWN), getOverviewCounts(now), getAdminMetrics(now)]);
  const n = (value: number) => format.number(value);
  const duration = (seconds: number | null) => {
    if (seconds === null) return t("metrics.noDecisions");
    const d = splitDuration(seconds);
    return t(`metrics.duration.${d.unit}`, { value: format.number(d.value, { maximumFractionDigits: 1 }) });
  };
  return (
    <>
      <PageHeader title={t("overview.title")} description={t("overview.description")} />
      <div className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t("overview.pendingRequests")} value={counts.pendingRequests} href="/admin/requests?status=pending" tone={counts.pendingRequests > 0 ? "amber" : "neutral"} note={metrics.ages.awaitingSecond ? t("overview.awaitingSecond", { count: metrics.ages.awaitingSecond }) : undefined} />
        <StatCard label={t("overview.activeKeys")} value={counts.activeKeys} href="/admin/keys?state=active" note={counts.awaitingReveal ? t("overview.awaitingReveal", { count: counts.awaitingReveal }) : undefined} />
        <StatCard label={t("overview.organisations")} value={counts.organizations} href="/admin/organisations" note={counts.suspendedOrganizations ? t("overview.suspended", { count: counts.suspendedOrganizations }) : undefined} />
        <StatCard label={t("overview.users")} value={counts.users} href="/admin/users" note={counts.disabledUsers ? t("overview.disabled", { count: counts.disabledUsers }) : undefined} />
      </div>

      <section aria-labelledby="metrics-title" className="mb-8">
        <h2 id="metrics-title" className="mb-3 text-lg font-semibold">
          {t("metrics.title")}
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <MetricBars
            id="metric-ages"
            title={t("metrics.ages.title", { count: metrics.ages.pending })}
            note={t("metrics.ages.note")}
            labelHeader={t("metrics.ages.label")}
            valueHeader={t("metrics.requests")}
            empty={t("metrics.ages.empty")}
            rows={metrics.ages.pending === 0 ? [] : metrics.ages.buckets.map((b) => ({ key: b.id, testId: `age-${b.id}`, label: t(`age.${ageKey(b.id)}`), href: hrefWith("/admin/requests", { status: "pending", age: b.id }), value: b.count, display: n(b.count) }))}
          />

          <figure aria-labelledby="metric-ttd-title" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <figcaption id="metric-ttd-title" className="text-sm font-semibold text-zinc-900 dark:text-white">
              {t("metrics.timeToDecision.title")} <span className="font-normal text-zinc-500 dark:text-zinc-400">({t("metrics.timeToDecision.note")})</span>
            </figcaption>
            <table className="mt-3 w-full text-left text-sm tabular-nums">
              <caption className="sr-only">{t("metrics.timeToDecision.title")}</caption>
              <thead className="text-xs text-zinc-600 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("metrics.timeToDecision.window")}</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">{t("metrics.timeToDecision.decisions")}</th>
                  <th scope="col" className="py-1 pr-3 text-right font-medium">{t("metrics.timeToDecision.median")}</th>
                  <th scope="col" className="py-1 text-right font-medium">{t("metrics.timeToDecision.p90")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {metrics.timeToDecision.map((w) => (
                  <tr key={w.window} data-testid={`ttd-${w.window}`}>
                    <th scope="row" className="py-1.5 pr-3 font-normal">
                      <Link className={LINK} href={hrefWith("/admin/requests", { decided: String(w.window) })}>
                        {t("metrics.lastDays", { days: w.window })}
                      </Link>
                    </th>
                    <td className="py-1.5 pr-3 text-right">{n(w.decisions)}</td>
                    <td className="py-1.5 pr-3 text-right font-medium">{duration(w.medianSeconds)}</td>
                    <td className="py-1.5 text-right font-medium">{duration(w.p90Seconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>

          <figure aria-labelledby="metric-outcomes-title" className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <figcaption id="metric-outcomes-title" className="text-sm font-semibold text-zinc-900 dark:text-white">
              {t("metrics.outcomes.title")}
            </figcaption>
            <table className="mt-3 w-full text-left text-sm tabular-nums">
              <caption className="sr-only">{t("metrics.outcomes.title")}</caption>
              <thead className="text-xs text-zinc-600 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">{t("metrics.outcomes.outcome")}</th>
                  {METRIC_WINDOWS.map((w) => (
                    <th key={w} scope="col" className="py-1 pr-3 text-right font-medium">
                      {t("metrics.lastDays", { days: w })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {DECISION_OUTCOMES.map((o) => (
                  <tr key={o}>
                    <th scope="row" className="py-1.5 pr-3 font-normal">{t(`status.${o}`)}</th>
                    {METRIC_WINDOWS.map((w) => (
                      <td key={w} className="py-1.5 pr-3 text-right">
                        <Link className={LINK} data-testid={`outcome-${o}-${w}`} href={hrefWith("/admin/requests", { status: o, decided: String(w) })} aria-label={t("metrics.outcomes.link", { count: metrics.outcomes[w][o], status: t(`status.${o}`), days: w })}>
                          {n(metrics.outcomes[w][o])}
                        </Link>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>

          <MetricBars
            id="metric-scopes"
            title={t("metrics.scopes.title")}
            note={t("metrics.lastDays", { days: SCOPE_WINDOW_DAYS })}
            labelHeader={t("metrics.scopes.label")}
            valueHeader={t("metrics.requests")}
            empty={t("metrics.scopes.empty")}
            rows={metrics.topScopes.map((s) => ({ key: s.scope, testId: `scope-${s.scope}`, label: <code className="font-mono text-xs">{s.scope}</code>, href: hrefWith("/admin/requests", { scope: s.scope, age: "0-30" }), value: s.count, display: n(s.count) }))}
          />

          <MetricBars
            id="metric-top-keys"
            title={t("metrics.topKeys.title")}
            note={t("metrics.lastDays", { days: USAGE_DAYS })}
            labelHeader={t("metrics.topKeys.label")}
            valueHeader={t("metrics.topKeys.calls")}
            empty={t("metrics.topKeys.empty")}
            rows={metrics.topKeys.map((k) => ({
              key: k.id,
              testId: `top-key-${k.id}`,
              label: (
                <>
                  {k.name} <span className="text-xs text-zinc-500 dark:text-zinc-400">{k.organizationName}</span>
                </>
              ),
              href: `/admin/keys/${k.id}`,
              value: k.calls,
              display: n(k.calls),
            }))}
          />

          <div className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <p className="text-sm font-semibold text-zinc-900 dark:text-white">{t("metrics.expiring.title", { days: EXPIRY_HORIZON_DAYS })}</p>
            <p className="mt-2 text-2xl font-semibold tabular-nums">
              <Link className={LINK} data-testid="expiring-keys" href={hrefWith("/admin/keys", { state: "active", expiring: String(EXPIRY_HORIZON_DAYS) })} aria-label={t("metrics.expiring.link", { count: metrics.expiringKeys, days: EXPIRY_HORIZON_DAYS })}>
                {n(metrics.expiringKeys)}
              </Link>
            </p>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t("metrics.expiring.note")}</p>
          </div>
        </div>
      </section>

      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{t("overview.waitingLongest")}</h2>
        {counts.pendingRequests > 0 && (
          <Link href="/admin/requests?status=pending" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {counts.pendingRequests > pending.length ? t("overview.allPending", { count: counts.pendingRequests }) : t("overview.theQueue")}
          </Link>
        )}
      </div>
      {pending.length === 0 ? (
        <EmptyState title={t("overview.noneWaiting")}>
          {t.rich("overview.noneWaitingHint", {
            link: (chunks) => (
              <Link className="underline" href="/admin/requests">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : (
        <DataTable caption={t("overview.oldestCaption", { count: pending.length })}>
          <THead>
            <TH>{t("columns.organisation")}</TH>
            <TH>{t("columns.key")}</TH>
            <TH>{t("columns.requestedScopes")}</TH>
            <TH>{t("columns.waiting")}</TH>
            <TH>
              <span className="sr-only">{t("overview.review")}</span>
            </TH>
          </THead>
          <TBody>
            {pending.map((r) => (
              <TR key={r.id} data-testid="pending-request">
                <TD label={t("columns.organisation")}>
                  <Link href={`/admin/organisations/${r.organization.id}`} className="font-medium hover:underline">
                    {r.organization.legalName}
                  </Link>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{organizationKindLabel(r.organization.kind)}</span>
                </TD>
                <TD label={t("columns.key")}>
                  <span className="font-medium">{r.keyName}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(r.keyType)} <EnvironmentBadge environment={r.environment} />
                  </span>
                </TD>
                <TD label={t("columns.scopes")}>
                  <ScopeList scopes={parseScopes(r.requestedScopes)} />
                </TD>
                <TD label={t("columns.waiting")} className="whitespace-nowrap">
                  <Time value={r.createdAt} relative />
                </TD>
                <TD className="md:text-right">
                  <Link href={`/admin/requests/${r.id}`} className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-700">
                    {t("overview.review")}
                    <span className="sr-only"> {t("overview.reviewWhich", { keyName: r.keyName, organisation: r.organization.legalName })}</span>
                  </Link>
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
    </>
  );
}
