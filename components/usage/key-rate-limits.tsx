// A key's rate limits and how much of each rolling window it has used right now; with
// `editable` (admin pages only) the form to set the key's own limits. A server component:
// it reads the counters itself, so the embedding page passes only the key row it has
// already loaded under its own authorization check.
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { defaultLimits } from "@/lib/api/rate-limit";
import { getKeyLimitStatus } from "@/lib/usage";
import { RateLimitForm } from "./rate-limit-form";

/** `note` says whose limit it is; `meterLabel` is the meter's full accessible name; both in the reader's language. */
function Meter({ label, used, limit, note, meterLabel, fmt }: { label: string; used: number; limit: number; note: string; meterLabel: string; fmt: (n: number) => string }) {
  const share = limit > 0 ? Math.min(1, used / limit) : 1;
  const tone = share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-brand-500";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{label}</span>
        <span className="text-zinc-600 tabular-nums dark:text-zinc-400">
          {fmt(used)} / {fmt(limit)} <span className="text-xs">{note}</span>
        </span>
      </div>
      <div
        role="meter"
        aria-label={meterLabel}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(used, limit)}
        className="mt-1.5 h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800"
      >
        <div className={`h-full rounded-full ${tone}`} style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}

export async function KeyRateLimits({
  keyId,
  rateLimitHour,
  rateLimitDay,
  editable = false,
}: {
  keyId: string;
  rateLimitHour: number | null;
  rateLimitDay: number | null;
  /** Show the admin form. Only admin pages may pass true; the action re-checks the role anyway. */
  editable?: boolean;
}) {
  const status = await getKeyLimitStatus({ id: keyId, rateLimitHour, rateLimitDay });
  const t = await getTranslations("usage.limits");
  const format = await getFormatter();
  const fmt = (n: number) => format.number(n);
  const meter = (label: string, used: number, limit: number, custom: boolean) => (
    <Meter label={label} used={used} limit={limit} note={custom ? t("custom") : t("default")} meterLabel={t("meterLabel", { label, used: fmt(used), limit: fmt(limit) })} fmt={fmt} />
  );
  return (
    <section aria-labelledby={`limits-${keyId}`} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={`limits-${keyId}`} className="text-sm font-semibold text-zinc-900 dark:text-white">
        {t("title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {meter(t("hour"), status.used.hour, status.limits.hour, status.custom.hour)}
        {meter(t("day"), status.used.day, status.limits.day, status.custom.day)}
      </div>
      {editable && (
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
          {/* The form's own words (usage) and its schema's field errors (keys), sent to the browser with it. */}
          <ClientMessages namespaces={["usage", "keys"]}>
            <RateLimitForm keyId={keyId} rateLimitHour={rateLimitHour} rateLimitDay={rateLimitDay} defaults={defaultLimits()} />
          </ClientMessages>
        </div>
      )}
    </section>
  );
}
