"use client";

// The second admin's step of a two-person approval: confirm the grant another admin
// proposed (the key is created now), or reject it with the reject form beside this. The
// first admin sees why they cannot confirm their own.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { confirmRequestAction } from "../actions";
import { RejectForm } from "./reject-form";

export function ConfirmPanel({ requestId, ownApproval }: { requestId: string; ownApproval: boolean }) {
  const t = useTranslations("admin.reviewForms");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);

  const confirm = async () => {
    setBusy(true);
    setMessage(null);
    const result = await confirmRequestAction({ requestId });
    setBusy(false);
    if (!result.ok) return setMessage(result.error);
    if (result.data.outcome === "conflict") return setMessage(result.data.message);
    router.refresh();
  };

  return (
    <div className="space-y-4">
    <Card className="p-4 sm:p-5">
      <h2 className="text-lg font-semibold">{t("secondTitle")}</h2>
      <div ref={ref} tabIndex={-1} className="mt-2 outline-none">
        {message && <Alert tone="error">{message}</Alert>}
      </div>
      {ownApproval ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400" data-testid="own-approval">
          {t("secondOwn")}
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("secondIntro")}</p>
          <Button className="mt-3" onClick={confirm} pending={busy}>
            {t("secondSubmit")}
          </Button>
        </>
      )}
    </Card>
    <RejectForm requestId={requestId} locked={false} onConflict={setMessage} />
    </div>
  );
}
