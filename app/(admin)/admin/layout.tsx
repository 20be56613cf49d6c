import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { ClientMessages } from "@/components/i18n/client-messages";
import { requireAdminPage } from "@/lib/auth/session";
import { db } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.meta");
  return { title: { default: t("title"), template: t("template", { page: "%s" }) }, robots: { index: false } };
}

// Every admin page renders per request from the database: role checks and counts must
// never come from a cache.
export const dynamic = "force-dynamic";

/**
 * The console's frame. The role check here only spares a non-admin the navigation; it is
 * not the boundary: every page calls requireAdminPage() and every action is built with
 * adminAction(), because layouts do not re-run on every navigation.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage();
  const pendingCount = await db.accessRequest.count({ where: { status: "pending" } });
  return (
    // The console's client components (navigation, filters, confirmations, forms and their
    // field errors) read the admin namespace.
    <ClientMessages namespaces={["admin"]}>
      <div className="mx-auto max-w-6xl px-4 py-6 md:flex md:gap-8 md:py-8">
        <AdminNav pendingCount={pendingCount} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </div>
    </ClientMessages>
  );
}
