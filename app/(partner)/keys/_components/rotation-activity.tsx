// During a rotation's grace period, on both keys' pages: the old key's calls per hour,
// its last call and the addresses still calling it (most recent first), so the partner
// can tell when every caller has moved and end the grace period with confidence.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { TIME_ZONE } from "@/lib/i18n/config";
import { CLIENT_IP_RETENTION_DAYS, ROTATION_HOURS, type RotationActivity as Activity } from "@/lib/keys/activity";
import { EndGraceButton } from "./end-grace-button";

type Props = { activity: Activity; keyId: string; canManage: boolean };

export async function RotationActivity({ activity, keyId, canManage }: Props) {
  const [t, format] = await Promise.all([getTranslations("insight.rotation"), getFormatter()]);
  const { oldKey, hours, ips, callsLastHour, moreIps } = activity;
  const peak = Math.max(1, ...hours.map((h) => h.count));
  const oldLabel = oldKey.mask ?? oldKey.name;
  return (
    <Card className="p-5 sm:p-6" id="rotation-activity" data-testid="rotation-activity">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("intro", {
          key: oldLabel,
          time: () => <Time value={oldKey.expiresAt} className="font-medium" />,
        })}
        {oldKey.id !== keyId && (
          <>
            {" "}
            <Link href={`/keys/${oldKey.id}`} className="font-mono text-brand-700 underline dark:text-brand-100">
              {t("oldKeyLink", { key: oldLabel })}
            </Link>
          </>
        )}
      </p>

      <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t("lastCall")}</dt>
          <dd className="mt-1" data-testid="rotation-last-call">
            <Time value={oldKey.lastUsedAt} relative fallback={t("never")} />
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t("lastHour")}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid="rotation-last-hour">
            {format.number(callsLastHour)}
          </dd>
        </div>
      </dl>

      {canManage && (
        <div className="mt-4">
          <EndGraceButton keyId={keyId} oldKey={oldLabel} callsLastHour={callsLastHour} />
        </div>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="rotation-hours">
          <h3 id="rotation-hours" className="text-sm font-semibold">
            {t("hoursTitle", { hours: ROTATION_HOURS })}
          </h3>
          <div role="region" className="mt-2 max-h-80 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800" tabIndex={0} aria-labelledby="rotation-hours">
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-zinc-50 text-left text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-3 py-1.5 font-medium">
                    {t("hour")}
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-right font-medium">
                    {t("calls")}
                  </th>
                  <th scope="col" className="w-2/5 px-3 py-1.5">
                    <span className="sr-only">{t("calls")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {hours.map((h) => (
                  <tr key={h.hour.getTime()} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="rotation-hour">
                    <td className="whitespace-nowrap px-3 py-1 text-zinc-700 dark:text-zinc-300">
                      {format.dateTime(h.hour, { timeZone: TIME_ZONE, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })}
                    </td>
                    <td className={`px-3 py-1 text-right tabular-nums ${h.count ? "font-semibold" : "text-zinc-500 dark:text-zinc-400"}`}>{format.number(h.count)}</td>
                    <td className="px-3 py-1" aria-hidden>
                      {h.count > 0 && <span className="block h-2 rounded-sm bg-amber-500 dark:bg-amber-400" style={{ width: `${Math.max(4, (h.count / peak) * 100)}%` }} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="rotation-ips">
          <h3 id="rotation-ips" className="text-sm font-semibold">
            {t("ipsTitle")}
          </h3>
          {ips.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">{t("ipsNone", { days: CLIENT_IP_RETENTION_DAYS })}</p>
          ) : (
            <div className="mt-2">
              <Table>
                <THead>
                  <tr>
                    <Th>{t("ip")}</Th>
                    <Th>{t("ipLastSeen")}</Th>
                    <Th>{t("ipCalls")}</Th>
                  </tr>
                </THead>
                <TBody>
                  {ips.map((ip) => (
                    <Tr key={ip.ip} data-testid="rotation-ip">
                      <Td label={t("ip")} className="break-all font-mono text-xs">
                        {ip.ip}
                      </Td>
                      <Td label={t("ipLastSeen")} className="whitespace-nowrap">
                        <Time value={ip.lastSeenAt} relative />
                      </Td>
                      <Td label={t("ipCalls")} className="tabular-nums">
                        {format.number(ip.count)}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              {moreIps > 0 && <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t("moreIps", { count: moreIps })}</p>}
            </div>
          )}
        </section>
      </div>
    </Card>
  );
}
