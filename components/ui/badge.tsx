import type { ReactNode } from "react";

type Tone = "neutral" | "green" | "amber" | "red" | "blue";

/** A small status label; its classes (badge, badge-<tone>) are in app/globals.css. */
export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`badge badge-${tone}`}>
      {children}
    </span>
  );
}
