"use client";

// Bulk decisions on the selected pending requests. The rows stay server-rendered: each
// row's checkbox belongs to this form through its `form` attribute (BULK_FORM_ID), so the
// table needs no client JavaScript of its own. The result (how many approved, waiting for
// a second admin, rejected, and which failed and why) takes focus and is announced.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextAreaField } from "@/components/ui/field";
import { announce } from "@/components/ui/focus";
import { BULK_MAX, bulkRejectSchema } from "@/lib/admin/schemas";
import { translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";
import { bulkApproveAction, bulkRejectAction, type BulkResult } from "../actions";

export const BULK_FORM_ID = "bulk-decisions";

function selectedBoxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${BULK_FORM_ID}"][name=requestIds]`)];
}

export function BulkDecisions({ rowCount }: { rowCount: number }) {
  const t = useTranslations("queue");
  const tAll = useTranslations() as unknown as AnyTranslator;
  const router = useRouter();
  const id = useId();
  const allRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState(0);
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);

  // Counts the ticked rows whenever one changes (the rows are outside this component).
  useEffect(() => {
    const update = () => {
      const boxes = selectedBoxes();
      const ticked = boxes.filter((b) => b.checked).length;
      setSelected(ticked);
      if (allRef.current) {
        allRef.current.checked = boxes.length > 0 && ticked === boxes.length;
        allRef.current.indeterminate = ticked > 0 && ticked < boxes.length;
      }
    };
    update();
    document.addEventListener("change", update);
    return () => document.removeEventListener("change", update);
  }, [rowCount]);

  function selectAll(checked: boolean) {
    for (const box of selectedBoxes()) box.checked = checked;
    setSelected(checked ? selectedBoxes().length : 0);
  }

  const ids = () => selectedBoxes().filter((b) => b.checked).map((b) => b.value);

  async function run(kind: "approve" | "reject") {
    setError(null);
    let answer;
    if (kind === "reject") {
      const parsed = bulkRejectSchema.shape.reason.safeParse(reason);
      if (!parsed.success) {
        setReasonError(translateMessage(tAll, parsed.error.issues[0]?.message ?? "ui.actions.failed"));
        return;
      }
      setReasonError(null);
    }
    setPending(true);
    try {
      answer = kind === "approve" ? await bulkApproveAction({ requestIds: ids() }) : await bulkRejectAction({ requestIds: ids(), reason });
    } finally {
      setPending(false);
    }
    if (!answer.ok) {
      setError(answer.fieldErrors?.reason ?? answer.fieldErrors?.requestIds ?? answer.error);
      if (answer.fieldErrors?.reason) setReasonError(answer.fieldErrors.reason);
      return;
    }
    setMode("idle");
    setReason("");
    setResult(answer.data);
    announce(summaryText(answer.data));
    selectAll(false);
    router.refresh();
  }

  function summaryText(r: BulkResult) {
    return t("bulk.summary", { approved: r.counts.approved, awaiting: r.counts.awaiting_second_approval, rejected: r.counts.rejected, failed: r.counts.failed });
  }

  return (
    <div className={rowCount > 0 || result ? "mb-4 space-y-3" : ""}>
      {/* Before the result in the tree, so that its effect closes the modal dialog (and the
          browser hands focus back to the trigger) before the result's effect takes focus. */}
      <ConfirmDialog
        open={mode === "approve"}
        onClose={() => setMode("idle")}
        title={t("bulk.approveTitle", { count: selected })}
        description={t("bulk.approveDescription")}
        error={error}
        pending={pending}
        cancelLabel={t("bulk.cancel")}
        confirmLabel={t("bulk.approveConfirm", { count: selected })}
        onConfirm={() => run("approve")}
      />
      {result && (
        <Alert tone={result.counts.failed ? "warning" : "success"} title={t("bulk.resultTitle")} focusOnMount key={JSON.stringify(result)}>
          <p data-testid="bulk-summary">{summaryText(result)}</p>
          {result.failures.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {result.failures.map((f) => (
                <li key={f.id}>
                  <a className="underline" href={`/admin/requests/${f.id}`}>
                    {f.keyName ?? f.id}
                  </a>
                  : {f.reason}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {rowCount > 0 && (
        <form
          id={BULK_FORM_ID}
          aria-labelledby={`${id}-title`}
          onSubmit={(e) => e.preventDefault()}
          className="rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2 id={`${id}-title`} className="sr-only">
            {t("bulk.title")}
          </h2>
          <div className="flex flex-wrap items-center gap-3">
            <label className="inline-flex min-h-6 items-center gap-2 text-sm">
              <input ref={allRef} type="checkbox" className="h-5 w-5 rounded border-zinc-400" onChange={(e) => selectAll(e.target.checked)} />
              {t("bulk.selectAll")}
            </label>
            <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-live="polite">
              {t("bulk.selected", { count: selected, max: BULK_MAX })}
            </span>
            <div className="flex flex-wrap gap-2 sm:ml-auto">
              <Button type="button" size="sm" disabled={selected === 0 || pending} onClick={() => setMode("approve")}>
                {t("bulk.approve")}
              </Button>
              <Button type="button" size="sm" variant="secondary" disabled={selected === 0 || pending} aria-expanded={mode === "reject"} aria-controls={`${id}-reject`} onClick={() => setMode(mode === "reject" ? "idle" : "reject")}>
                {t("bulk.reject")}
              </Button>
            </div>
          </div>
          {mode === "reject" && (
            <div id={`${id}-reject`} className="mt-3 space-y-3">
              <TextAreaField
                label={t("bulk.reasonLabel")}
                hint={t("bulk.reasonHint")}
                rows={3}
                value={reason}
                error={reasonError ?? undefined}
                onChange={(e) => setReason(e.target.value)}
                autoFocus
              />
              <Button type="button" variant="danger" size="sm" pending={pending} disabled={selected === 0} onClick={() => run("reject")}>
                {t("bulk.rejectConfirm", { count: selected })}
              </Button>
            </div>
          )}
          {error && mode !== "approve" && (
            <div className="mt-3">
              <Alert tone="error">{error}</Alert>
            </div>
          )}
        </form>
      )}
    </div>
  );
}
