"use client";

// Marks an organisation as run by COPA, or clears the mark. Only COPA-run organisations
// may hold system keys (lib/keys/policy.ts), so the confirmation says exactly that.
import { ConfirmAction } from "@/components/admin/confirm-action";
import { setCopaRunAction } from "../actions";

export function CopaRunPanel({ organizationId, organizationName, copaRun }: { organizationId: string; organizationName: string; copaRun: boolean }) {
  return copaRun ? (
    <ConfirmAction
      label="Clear COPA-run status…"
      confirmLabel="Clear COPA-run status"
      tone="danger"
      consequence={
        <>
          {organizationName} can no longer request system keys, and its system keys can no longer be revealed or rotated. Existing system keys keep working until they expire
          or are revoked.
        </>
      }
      run={() => setCopaRunAction({ organizationId, copaRun: false })}
      done="COPA-run status cleared."
    />
  ) : (
    <ConfirmAction
      label="Mark as COPA-run…"
      confirmLabel="Mark as COPA-run"
      consequence={<>Only for organisations COPA itself runs: {organizationName} will be able to request and hold system keys. The audit trail records that you decided it.</>}
      run={() => setCopaRunAction({ organizationId, copaRun: true })}
      done="Marked as COPA-run."
    />
  );
}
