"use client";

import { ConfirmAction } from "@/components/admin/confirm-action";
import { revokeGatewayCredentialAction } from "@/lib/gateway/actions";

export function RevokeCredential({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmAction
      label="Revoke"
      confirmLabel={`Revoke ${name}`}
      tone="danger"
      consequence={
        <p>
          The gateway using <strong>{name}</strong> is refused (401) from its next verification, in every server process. This
          cannot be undone; issue a new credential to replace it.
        </p>
      }
      run={() => revokeGatewayCredentialAction({ credentialId: id })}
      done="Credential revoked."
    />
  );
}
