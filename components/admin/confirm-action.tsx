"use client";

// A one-click admin action that asks first. The confirmation spells out the consequence
// (who loses access, when), so nothing in the console happens by a stray click. The
// action itself is a wrapped server action (adminAction) that re-checks everything.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/actions";

export type ConfirmActionProps = {
  label: string;
  /** What the confirm step says will happen. */
  consequence: ReactNode;
  confirmLabel: string;
  /** The confirm button's look: "danger" for changes that take access away. */
  tone?: "primary" | "danger";
  run: () => Promise<ActionResult<unknown>>;
  /** Shown after success (the page refreshes underneath). */
  done: string;
  disabled?: boolean;
  disabledReason?: string;
};

export function ConfirmAction({ label, consequence, confirmLabel, tone = "primary", run, done, disabled, disabledReason }: ConfirmActionProps) {
  const router = useRouter();
  const t = useTranslations("admin.confirm");
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const confirm = () =>
    startTransition(async () => {
      const r = await run();
      if (r.ok) {
        setOpen(false);
        setResult({ ok: true, message: done });
        router.refresh();
      } else {
        setResult({ ok: false, message: r.error });
      }
    });

  return (
    <div className="space-y-2">
      {!open ? (
        <Button variant="secondary" disabled={disabled} title={disabled ? disabledReason : undefined} onClick={() => { setResult(null); setOpen(true); }}>
          {label}
        </Button>
      ) : (
        <div className="rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-950">
          <div className="text-zinc-700 dark:text-zinc-300">{consequence}</div>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant={tone} pending={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
            <Button variant="ghost" disabled={pending} onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      {disabled && disabledReason && <p className="text-xs text-zinc-500 dark:text-zinc-400">{disabledReason}</p>}
      {result && <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>}
    </div>
  );
}
