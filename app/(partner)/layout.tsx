// The partner area's frame. Layouts are not an authorization boundary (they do not
// re-render on every navigation): each page calls requirePartnerPage / requireUserPage,
// and each action goes through partnerAction. The suspension banner here is information
// only; the services refuse what a suspended organisation may not do.
import { getTranslations } from "next-intl/server";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { Alert } from "@/components/ui/alert";
import { Time } from "@/components/ui/time";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrganizationStanding } from "@/lib/organizations/service";

export default async function PartnerLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const standing = user?.membership ? await getOrganizationStanding(user.membership.organizationId) : null;
  const t = await getTranslations("dashboard.suspended");
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      {user && user.role !== "admin" && user.emailVerified === false && <VerifyEmailBanner email={user.email} />}
      {standing?.suspendedAt && (
        <div className="mb-6" data-testid="suspension-banner">
          <Alert tone="warning" title={t("title", { organization: standing.legalName })}>
            <p>{t.rich("body", { time: () => <Time value={standing.suspendedAt} /> })}</p>
            <p className="mt-1">{t("contact")}</p>
          </Alert>
        </div>
      )}
      {children}
    </main>
  );
}
