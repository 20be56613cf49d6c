import { redirect } from "next/navigation";
import { requireUserPage } from "@/lib/auth/session";

// The landing page after sign-in: sends each user to where their work is, so the sign-in
// form does not need to know anyone's role.
export default async function DashboardPage() {
  const user = await requireUserPage("/dashboard");
  if (user.role === "admin") redirect("/admin");
  redirect(user.membership ? "/keys" : "/onboarding");
}
