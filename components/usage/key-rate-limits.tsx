// A key's rate limits and how much of each rolling window it has used right now; with
// `editable` (admin pages only) the form to set the key's own limits. A server component:
// it reads the counters itself, so the embedding page passes only the key row it has
// already loaded under its own authorization check.
import { defaultLimits } from "@/lib/api/rate-limit";
import { getKeyLimitStatus } from "@/lib/usage";
import { RateLimitForm } from "./rate-limit-form";

const fmt = (n: number) => new Intl.NumberFormat("en-GB").format(n);

function Meter({ label, used, limit, custom }: { label: string; used: number; limit: number; custom: boolean }) {
  const share = limit > 0 ? Math.min(1, used / limit) : 1;
  const tone = share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-brand-500";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{label}</span>
        <span className="text-zinc-600 tabular-nums dark:text-zinc-400">
          {fmt(used)} / {fmt(limit)} {custom ? <span className="text-xs">(set for this key)</span> : <span className="text-xs">(default)</span>}
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${label}: ${fmt(used)} of ${fmt(limit)} requests used`}
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
  return (
    <section aria-labelledby={`limits-${keyId}`} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={`limits-${keyId}`} className="text-sm font-semibold text-zinc-900 dark:text-white">
        Rate limits
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Meter label="Rolling hour" used={status.used.hour} limit={status.limits.hour} custom={status.custom.hour} />
        <Meter label="Rolling day" used={status.used.day} limit={status.limits.day} custom={status.custom.day} />
      </div>
      {editable && (
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <RateLimitForm keyId={keyId} rateLimitHour={rateLimitHour} rateLimitDay={rateLimitDay} defaults={defaultLimits()} />
        </div>
      )}
    </section>
  );
}
