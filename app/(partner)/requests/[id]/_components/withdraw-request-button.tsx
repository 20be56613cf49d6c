"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { withdrawAccessRequestAction } from "../../actions";

export function WithdrawRequestButton({ requestId, keyName }: { requestId: string; keyName: string }) {
  const router = useRouter();
  const t = useTranslations("requests.withdraw");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const withdraw = () =>
    startTransition(async () => {
      setError(null);
      const result = await withdrawAccessRequestAction({ requestId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setOpen(false);
      router.refresh();
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      <Dialog
        open={open}
        onClose={() => !pending && setOpen(false)}
        title={t("title")}
        description={t.rich("description", { keyName, strong: (chunks) => <strong>{chunks}</strong> })}
      >
        {error && (
          <div className="mb-4">
            <Alert tone="error">{error}</Alert>
          </div>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            {t("keep")}
          </Button>
          <Button variant="danger" onClick={withdraw} pending={pending}>
            {t("confirm")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
