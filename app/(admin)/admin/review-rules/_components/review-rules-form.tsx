"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { updateReviewSettingsAction } from "@/lib/review/actions";
import type { ReviewSettingsInput } from "@/lib/review/schemas";

export function ReviewRulesForm({ initial }: { initial: ReviewSettingsInput }) {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const r = await updateReviewSettingsAction(values);
    setBusy(false);
    setResult(r.ok ? { tone: "success", text: "Review rules saved. They apply to the next approval; the change is in the audit log." } : { tone: "error", text: r.error });
  };
  return (
    <form onSubmit={submit} className="space-y-4" aria-labelledby="two-person-title">
      <div ref={ref} tabIndex={-1} className="outline-none">
        {result && <Alert tone={result.tone}>{result.text}</Alert>}
      </div>
      <fieldset disabled={busy} className="space-y-3">
        <legend id="two-person-title" className="text-sm font-medium">
          A second, different admin must confirm before a key exists for:
        </legend>
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" className="mt-0.5 h-4 w-4 accent-brand-600" checked={values.twoPersonProductionWrite} onChange={(e) => setValues({ ...values, twoPersonProductionWrite: e.target.checked })} />
          <span>
            Production keys with any write scope
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">Also a scope change that adds a write scope to a production key.</span>
          </span>
        </label>
        <label className="flex items-start gap-3 text-sm">
          <input type="checkbox" className="mt-0.5 h-4 w-4 accent-brand-600" checked={values.twoPersonSystem} onChange={(e) => setValues({ ...values, twoPersonSystem: e.target.checked })} />
          <span>
            All system keys
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">Also any scope change on a system key.</span>
          </span>
        </label>
      </fieldset>
      <Button type="submit" pending={busy}>
        Save review rules
      </Button>
    </form>
  );
}
