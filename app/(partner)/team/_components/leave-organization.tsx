"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { leaveOrganizationAction } from "../actions";

/** Leaving the organisation, confirmed in a dialog. The server refuses the last owner. */
export function LeaveOrganization({ organizationName }: { organizationName: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Leave {organizationName}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
        title={`Leave ${organizationName}?`}
        description="You lose access to its requests and keys at once. You can then create an organisation or accept another invitation."
        error={error}
        pending={pending}
        cancelLabel="Stay"
        confirmLabel="Leave"
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
