// The order in which the API checks a request, with the error each step can end in. The
// bodies come from lib/docs/errors.ts, the same list the errors page renders.
import { getTranslations } from "next-intl/server";
import { docsError } from "@/lib/docs/errors";

const CHECKS = [
  { id: "authentication", status: 401 },
  { id: "scope", status: 403 },
  { id: "rateLimit", status: 429 },
] as const;

export async function RequestChecks() {
  const t = await getTranslations("docs.checks");
  return (
    <ol className="grid gap-3 sm:grid-cols-2" aria-label={t("label")}>
      {CHECKS.map((c, i) => (
        <li key={c.id} className="relative rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <p className="text-xs font-semibold text-zinc-500 dark:text-zinc-400">{t("step", { number: i + 1 })}</p>
          <p className="mt-0.5 font-semibold text-zinc-950 dark:text-white">{t(`${c.id}.title`)}</p>
          <p className="mt-1 text-sm leading-6 text-zinc-600 dark:text-zinc-400">{t(`${c.id}.text`)}</p>
          <p className="mt-3 border-t border-zinc-200 pt-2 text-xs text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
            {t.rich("failsWith", { status: c.status, strong: (chunks) => <span className="font-semibold">{chunks}</span> })}{" "}
            <code className="font-mono break-words">{docsError(c.status).body}</code>
          </p>
        </li>
      ))}
      <li className="rounded-lg border border-brand-600/40 bg-brand-50 p-4 dark:border-brand-500/40 dark:bg-brand-900/25">
        <p className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">{t("step", { number: CHECKS.length + 1 })}</p>
        <p className="mt-0.5 font-semibold text-zinc-950 dark:text-white">{t("response.title")}</p>
        <p className="mt-1 text-sm leading-6 text-zinc-700 dark:text-zinc-300">{t("response.text")}</p>
      </li>
    </ol>
  );
}
