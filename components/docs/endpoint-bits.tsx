// How an endpoint is written everywhere in the docs: a method badge, the path in mono, and
// an "Announced" badge when COPA's production API does not serve it yet.
import { useTranslations } from "next-intl";
import type { HttpMethod } from "@/lib/scopes/catalog";

const METHOD_TONES: Record<HttpMethod, string> = {
  GET: "bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/30",
  POST: "bg-green-50 text-green-800 ring-green-600/30 dark:bg-green-950 dark:text-green-200 dark:ring-green-400/30",
  PUT: "bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30",
  PATCH: "bg-amber-50 text-amber-800 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30",
  DELETE: "bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/30",
};

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <span className={`inline-flex w-12 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ring-1 ring-inset ${METHOD_TONES[method]}`}>
      {method}
    </span>
  );
}

export function EndpointPath({ path }: { path: string }) {
  return <code className="font-mono text-[13px] break-all text-zinc-900 dark:text-zinc-100">{path}</code>;
}

/** Used by server pages and the client picker alike, so its words come from the `scopes` namespace the docs send to the browser. */
export function AnnouncedBadge() {
  const t = useTranslations("scopes.announced");
  return (
    <span
      title={t("help")}
      className="inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-800 ring-1 ring-amber-600/30 ring-inset dark:bg-amber-950 dark:text-amber-200"
    >
      {t("badge")}
    </span>
  );
}
