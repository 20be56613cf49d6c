"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { leaveOrganizationAction } from "../actions";

/** Leaving the organisation, confirmed in a dialog. The server refuses the last owner. */
export function LeaveOrganization({ organizationName }: { organizationName: string }) {
  const router = useRouter();
  const t = useTranslations("team.leave");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("button", { organization: organizationName })}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
        title={t("title", { organization: organizationName })}
        description={t("description")}
        error={error}
        pending={pending}
        cancelLabel={t("stay")}
        confirmLabel={t("confirm")}
        onConfirm={() =>
          startTransition(async () => {
            const result = await leaveOrganizationAction({});
            if (!result.ok) return setError(result.error);
            router.replace("/onboarding");
            router.refresh();
          })
        }
      />
    </>
  );
}
