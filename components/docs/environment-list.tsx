// The three environments with their base URLs (each copyable), from lib/docs/environments.
import { getTranslations } from "next-intl/server";
import type { DocsEnvironment } from "@/lib/docs/environments";
import { CopyButton } from "./copy-button";
import { copyLabels } from "./copy-labels";

export async function EnvironmentList({ environments }: { environments: DocsEnvironment[] }) {
  const t = await getTranslations("docs");
  const labels = await copyLabels();
  return (
    <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {environments.map((env) => {
        const name = t(`environments.${env.id}.name`);
        return (
          <li key={env.id} data-environment={env.id} className="p-4">
            <h3 className="font-semibold text-zinc-950 dark:text-white">{name}</h3>
            <div className="mt-2 flex items-center justify-between gap-2 rounded-md bg-zinc-50 py-1 pr-1 pl-3 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-950 dark:ring-zinc-800">
              <code className="min-w-0 font-mono text-[13px] break-all text-zinc-900 dark:text-zinc-100" data-base-url>
                {env.baseUrl}
              </code>
              <CopyButton text={env.baseUrl} what={t("environments.baseUrlOf", { name })} labels={labels} />
            </div>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              <span className="font-medium text-zinc-800 dark:text-zinc-200">{t("environments.keysLabel")}</span> {t(`environments.${env.id}.keys`)}{" "}
              <span className="font-medium text-zinc-800 dark:text-zinc-200">{t("environments.dataLabel")}</span> {t(`environments.${env.id}.data`)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
