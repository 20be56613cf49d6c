"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resendInvitationAction, revokeInvitationAction } from "../actions";

/** An owner's controls for one pending invitation: send a new link, or revoke it. */
export function InvitationControls({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const run = (action: typeof resendInvitationAction, done: string) =>
    startTransition(async () => {
      const result = await action({ invitationId });
      setMessage(result.ok ? { text: done, error: false } : { text: result.error, error: true });
      router.refresh();
      requestAnimationFrame(() => messageRef.current?.focus());
    });
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => run(resendInvitationAction, `A new link went to ${email}.`)} aria-label={`Resend the invitation to ${email}`}>
          Resend
        </Button>
        <Button variant="ghost" size="sm" disabled={pending} onClick={() => run(revokeInvitationAction, `The invitation to ${email} was revoked.`)} aria-label={`Revoke the invitation to ${email}`}>
          Revoke
        </Button>
      </div>
      {message && (
        <p ref={messageRef} tabIndex={-1} role={message.error ? "alert" : "status"} className={`text-xs outline-none ${message.error ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
