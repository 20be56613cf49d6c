"use client";

// Shown on every partner page until the address is confirmed: why requests and reveals are
// refused, and a button for a fresh link (throttled on the server).
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/app/(partner)/account/actions";

export function VerifyEmailBanner({ email }: { email: string }) {
  const [state, setState] = useState<{ pending: boolean; message: string | null; error: boolean }>({ pending: false, message: null, error: false });
  const messageRef = useRef<HTMLParagraphElement>(null);
  return (
    <div className="mb-6" data-testid="verify-email-banner">
      <Alert tone="warning" title="Confirm your e-mail address">
        <p>
          We sent a link to <strong>{email}</strong>. Until you follow it you can read the docs and set up your organisation, but not request API keys or reveal them.
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <Button
            type="button"
            size="sm"
            variant="secondary"
            pending={state.pending}
            onClick={async () => {
              setState({ pending: true, message: null, error: false });
              const result = await resendVerificationAction({});
              const message = result.ok
                ? result.data.alreadyVerified
                  ? "Your address is already confirmed. Reload the page."
                  : `We sent a new link to ${email}. The earlier one no longer works.`
                : result.error;
              setState({ pending: false, message, error: !result.ok });
              requestAnimationFrame(() => messageRef.current?.focus());
            }}
          >
            Send the link again
          </Button>
          {state.message && (
            <p ref={messageRef} tabIndex={-1} role={state.error ? "alert" : "status"} className="outline-none">
              {state.message}
            </p>
          )}
        </div>
      </Alert>
    </div>
  );
}
