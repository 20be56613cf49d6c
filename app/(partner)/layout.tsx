// The partner area's frame. Layouts are not an authorization boundary (they do not
// re-render on every navigation): each page calls requirePartnerPage / requireUserPage,
// and each action goes through partnerAction. The suspension banner here is information
// only; the services refuse what a suspended organisation may not do.
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { Alert } from "@/components/ui/alert";
import { Time } from "@/components/ui/time";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrganizationStanding } from "@/lib/organizations/service";

export default async function PartnerLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const standing = user?.membership ? await getOrganizationStanding(user.membership.organizationId) : null;
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">
      {user && user.role !== "admin" && user.emailVerified === false && <VerifyEmailBanner email={user.email} />}
      {standing?.suspendedAt && (
        <div className="mb-6" data-testid="suspension-banner">
          <Alert tone="warning" title={`${standing.legalName} is suspended by COPA`}>
            <p>
              Since <Time value={standing.suspendedAt} />, the COPA API refuses every key of your organisation, and you cannot request new keys, reveal approved keys or rotate
              existing ones. Nothing has been deleted: when COPA reactivates your organisation, your keys work again.
            </p>
            <p className="mt-1">Contact the COPA team to find out why and to resolve it. You can still revoke keys and manage your team.</p>
          </Alert>
        </div>
      )}
      {children}
    </main>
  );
}
