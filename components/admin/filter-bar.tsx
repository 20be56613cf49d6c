// The filter row above an admin list: a GET form, so filters live in the URL (shareable,
// back-button friendly) and work before any JavaScript loads. next/form turns the submit
// into a client-side navigation when it can.
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

export async function FilterBar({ action, children, resetHref, active }: { action: string; children: ReactNode; resetHref: string; active: boolean }) {
  const t = await getTranslations("admin.filters");
  return (
    <Form action={action} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900" role="search">
      {children}
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("apply")}
        </button>
        {active && (
          <Link href={resetHref} className="text-sm text-zinc-600 underline hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
            {t("clear")}
          </Link>
        )}
      </div>
    </Form>
  );
}

const CONTROL =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export async function FilterSelect({ name, label, value, options, allLabel }: { name: string; label: string; value?: string; options: readonly { value: string; label: string }[]; allLabel?: string }) {
  const t = await getTranslations("admin.filters");
  return (
    <label className="block min-w-36 flex-1 text-sm sm:flex-none">
      <span className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={`${CONTROL} sm:max-w-64`}>
        <option value="">{allLabel ?? t("all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterText({ name, label, value, placeholder, type = "search" }: { name: string; label: string; value?: string; placeholder?: string; type?: string }) {
  return (
    <label className="block min-w-48 flex-1 text-sm">
      <span className="mb-1 block text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
      <input type={type} name={name} defaultValue={value ?? ""} placeholder={placeholder} className={CONTROL} />
    </label>
  );
}
