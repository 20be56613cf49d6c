"use client";

// Shown on every partner page until the address is confirmed: why requests and reveals are
// refused, and a button for a fresh link (throttled on the server).
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resendVerificationAction } from "@/app/(partner)/account/actions";

export function VerifyEmailBannerClient({ email }: { email: string }) {
  const t = useTranslations("account.verifyBanner");
  const [state, setState] = useState<{ pending: boolean; message: string | null; error: boolean }>({ pending: false, message: null, error: false });
  const messageRef = useRef<HTMLParagraphElement>(null);
  return (
    <div className="mb-6" data-testid="verify-email-banner">
      <Alert tone="warning" title={t("title")}>
        <p>{t.rich("body", { email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
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
                  ? t("alreadyVerified")
                  : t("resent", { email })
                : result.error;
              setState({ pending: false, message, error: !result.ok });
              requestAnimationFrame(() => messageRef.current?.focus());
            }}
          >
            {t("resend")}
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
