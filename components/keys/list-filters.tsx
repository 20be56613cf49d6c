// The search and filter row above the partner's keys and requests lists: a GET form, so
// the filters live in the URL (shareable, reloadable, back-button friendly) and work
// before any JavaScript loads; next/form makes the submit a client-side navigation.
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

const CONTROL =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

type Option = { value: string; label: string };
type Select = { name: string; label: string; allLabel: string; value?: string; options: Option[] };

export async function ListFilters({ action, q, searchLabel, searchHint, selects, active }: { action: string; q?: string; searchLabel: string; searchHint: string; selects: Select[]; active: boolean }) {
  const t = await getTranslations("insight.filters");
  return (
    <Form action={action} role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <label className="block min-w-48 flex-1 text-sm">
        <span className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">{searchLabel}</span>
        <input type="search" name="q" defaultValue={q ?? ""} placeholder={searchHint} className={CONTROL} maxLength={100} />
      </label>
      {selects.map((s) => (
        <label key={s.name} className="block min-w-36 flex-1 text-sm sm:flex-none">
          <span className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">{s.label}</span>
          <select name={s.name} defaultValue={s.value ?? ""} className={`${CONTROL} sm:max-w-64`}>
            <option value="">{s.allLabel}</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <div className="flex min-h-10 items-center gap-3">
        <button type="submit" className="min-h-9 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
          {t("apply")}
        </button>
        {active && (
          <Link href={action} className="inline-flex min-h-6 items-center text-sm text-zinc-600 underline hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
            {t("clear")}
          </Link>
        )}
      </div>
    </Form>
  );
}
