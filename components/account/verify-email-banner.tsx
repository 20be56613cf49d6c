// Shown on every partner page until the address is confirmed. The partner layout renders
// it above pages of every area, so it brings its own messages to the browser.
import { ClientMessages } from "@/components/i18n/client-messages";
import { VerifyEmailBannerClient } from "./verify-email-banner-client";

export function VerifyEmailBanner({ email }: { email: string }) {
  return (
    <ClientMessages namespaces={["account"]}>
      <VerifyEmailBannerClient email={email} />
    </ClientMessages>
  );
}
