"use client";

// "Narrow to used scopes" on the unused keys report: after a confirmation naming what
// goes and what stays, the server removes the scopes no call used in 90 days through the
// scope-change flow (removals apply at once, audited there). The server decides the list
// again: what this button shows is only what the partner agrees to.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { announce, focusNext } from "@/components/ui/focus";
import { narrowKeyToUsedScopesAction } from "../actions";

type Props = { keyId: string; keyName: string; remove: string[]; kept: string[] };

export function NarrowScopesButton({ keyId, keyName, remove, kept }: Props) {
  const t = useTranslations("insight.unused");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const narrow = async () => {
    setBusy(true);
    setError(null);
    const result = await narrowKeyToUsedScopesAction({ keyId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOpen(false);
    router.refresh();
    // The row may leave the report: continue at the key's link, or the heading.
    focusNext(`a[href="/keys/${keyId}"]`);
    announce(t("narrowed", { key: keyName, kept: kept.join(", ") }));
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("narrow")}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} title={t("narrowTitle", { key: keyName })} description={t("narrowBody", { scopes: remove.join(", "), kept: kept.join(", ") })}>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
            {t("cancel")}
          </Button>
          <Button onClick={narrow} pending={busy}>
            {t("narrowConfirm")}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
