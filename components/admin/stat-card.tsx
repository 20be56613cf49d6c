import Link from "next/link";
import { getFormatter } from "next-intl/server";

const TONES = {
  neutral: "",
  amber: "border-amber-300 dark:border-amber-800",
} as const;

/** A count on the overview, linking to the list it summarises. */
export async function StatCard({ label, value, href, note, tone = "neutral" }: { label: string; value: number; href: string; note?: string; tone?: keyof typeof TONES }) {
  const format = await getFormatter();
  return (
    <Link
      href={href}
      className={`block rounded-lg border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-brand-600 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500 ${TONES[tone]}`}
    >
      <p className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{format.number(value)}</p>
      <p className="mt-0.5 h-4 text-xs text-zinc-500 dark:text-zinc-400">{note}</p>
    </Link>
  );
}
