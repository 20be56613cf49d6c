"use client";

// Renames a key from its page: a small disclosure under the heading, for owners and
// developers. The name is what people search the list by and what the audit log shows.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { announce } from "@/components/ui/focus";
import { renameKeyAction } from "../actions";

export function RenameKeyForm({ keyId, name }: { keyId: string; name: string }) {
  const t = useTranslations("insight.rename");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const closing = useRef(false);
  // Back on the button that opened the form once it closes (it replaces the form).
  useEffect(() => {
    if (!open && closing.current) {
      closing.current = false;
      toggle.current?.focus();
    }
  }, [open]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await renameKeyAction({ keyId, name: value });
    setBusy(false);
    if (!result.ok) {
      setError({ field: result.fieldErrors?.name, text: result.error });
      return;
    }
    closing.current = true;
    setOpen(false);
    announce(t("done", { name: result.data.name }));
    router.refresh();
  };

  if (!open) {
    return (
      <Button ref={toggle} variant="ghost" size="sm" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="mt-2 flex flex-wrap items-end gap-2" aria-label={t("title")}>
      {error && !error.field && (
        <div className="w-full">
          <Alert tone="error" focusOnMount>
            {error.text}
          </Alert>
        </div>
      )}
      <div className="min-w-64 flex-1">
        <TextField label={t("label")} value={value} onChange={(e) => setValue(e.target.value)} error={error?.field} disabled={busy} autoFocus maxLength={60} />
      </div>
      <Button type="submit" size="sm" pending={busy}>
        {t("save")}
      </Button>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        onClick={() => {
          closing.current = true;
          setOpen(false);
          setValue(name);
          setError(null);
        }}
      >
        {t("cancel")}
      </Button>
    </form>
  );
}
