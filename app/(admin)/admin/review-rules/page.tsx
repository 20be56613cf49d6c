import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireAdminPage } from "@/lib/auth/session";
import { getReviewSettings } from "@/lib/review/settings";
import { ReviewRulesForm } from "./_components/review-rules-form";

export const metadata: Metadata = { title: "Review rules" };

export default async function ReviewRulesPage() {
  await requireAdminPage();
  const settings = await getReviewSettings();
  return (
    <>
      <PageHeader title="Review rules" description="Which grants need two admins. The first admin's approval is recorded; the key exists only once a different admin confirms it." />
      <Card className="p-4 sm:p-5">
        <ReviewRulesForm initial={settings} />
      </Card>
    </>
  );
}
