// A table that is a table on wide screens and a stack of labelled cards on a phone:
// each cell carries its column name (data-label) and shows it only when stacked. One
// markup for both, so the phone view never drifts from the desktop one.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table className="block w-full text-sm md:table">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="hidden border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase md:table-header-group dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
      <tr>{children}</tr>
    </thead>
  );
}

export function TH({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-4 py-2.5 font-medium ${className}`} {...props} />;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="block divide-y divide-zinc-200 md:table-row-group dark:divide-zinc-800">{children}</tbody>;
}

export function TR({ className = "", ...props }: React.HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={`block px-4 py-3 md:table-row md:p-0 ${className}`} {...props} />;
}

/** A cell; `label` is shown before the value when the table is stacked on a phone. */
export function TD({ label, className = "", children, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return (
    <td
      data-label={label}
      // Classes in app/globals.css: they repeat on every cell of every row.
      className={`admin-td ${label ? "admin-td-labelled" : ""} ${className}`}
      {...props}
    >
      <div className="min-w-0">{children}</div>
    </td>
  );
}
