// A data table that stays a table on wide screens and becomes a stack of labelled cards
// on phones, from one DOM: no duplicated markup for tests or screen readers to trip on.
// Each <Td label="..."> shows its column name before the value below the md breakpoint.
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function Table({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div className={`md:overflow-hidden md:rounded-lg md:border md:border-zinc-200 md:bg-white md:shadow-sm md:dark:border-zinc-800 md:dark:bg-zinc-900 ${className}`}>
      <table className="block w-full text-sm md:table">{children}</table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return (
    <thead className="hidden border-b border-zinc-200 bg-zinc-50 text-left text-xs font-medium uppercase tracking-wide text-zinc-500 md:table-header-group dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
      {children}
    </thead>
  );
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="block space-y-3 md:table-row-group md:space-y-0 md:divide-y md:divide-zinc-200 md:dark:divide-zinc-800">{children}</tbody>;
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-4 py-2.5 font-medium ${className}`} {...props} />;
}

export function Tr({ className = "", ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return (
    <tr
      className={`data-tr ${className}`}
      {...props}
    />
  );
}

export function Td({ label, className = "", children, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return (
    <td
      data-label={label}
      // Classes in app/globals.css: they repeat on every cell of every row.
      className={`data-td ${label ? "data-td-labelled" : ""} ${className}`}
      {...props}
    >
      {label ? <div className="min-w-0 text-right md:text-left">{children}</div> : children}
    </td>
  );
}
