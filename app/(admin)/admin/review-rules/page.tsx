import { redirect } from "next/navigation";
import { requireAdminPage } from "@/lib/auth/session";

// The review rules are part of the key policy now (issue 11): one page edits all of it.
export default async function ReviewRulesPage() {
  await requireAdminPage();
  redirect("/admin/policy");
}
