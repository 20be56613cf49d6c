"use client";

// Approve or reject a key's pending scope change. If another admin decides first, the
// server refuses atomically and this says so instead of an error.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { decideScopeChangeAction } from "../actions";

/** `firstApproval`: set when another (or this) admin approved once under the two-person rule. */
export function ScopeChangeDecision({ changeId, firstApproval }: { changeId: string; firstApproval?: { byYou: boolean; by: string } }) {
  const router = useRouter();
  const t = useTranslations("admin.scopeChangeDecision");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState<"approve" | "reject" | null>(null);
  const [noteError, setNoteError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ tone: "error" | "warning"; text: string } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const decide = async (decision: "approve" | "reject") => {
    setBusy(decision);
    setNoteError(undefined);
    setMessage(null);
    const result = await decideScopeChangeAction({ changeId, decision, note });
    setBusy(null);
    if (!result.ok) {
      if (result.fieldErrors?.note) setNoteError(result.fieldErrors.note);
      else setMessage({ tone: "error", text: result.error });
      return;
    }
    if (result.data.outcome === "conflict") {
      setMessage({ tone: "warning", text: t("conflict", { message: result.data.message }) });
      return;
    }
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </div>
      <TextAreaField label={t("note")} hint={t("noteHint")} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={noteError} />
      {firstApproval && (
        <Alert tone="info" title={t("approvedOnce")}>
          {firstApproval.byYou ? t("firstByYou") : t("firstBy", { email: firstApproval.by })}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        {!firstApproval?.byYou && (
          <Button onClick={() => decide("approve")} pending={busy === "approve"} disabled={!!busy}>
            {firstApproval ? t("confirm") : t("approve")}
          </Button>
        )}
        <Button variant="danger" onClick={() => decide("reject")} pending={busy === "reject"} disabled={!!busy}>
          {t("reject")}
        </Button>
      </div>
    </div>
  );
}
