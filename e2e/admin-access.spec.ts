// The admin console is invisible to anyone but admins: a partner gets a plain 404 on every
// /admin page (no hint that it exists), and an anonymous visitor is sent to sign in.
import { factory } from "./support/factory";
import { expect, test } from "./fixtures";

test("a partner gets 404 on /admin and every page under it", async ({ partnerPage }) => {
  const { page, partner } = partnerPage;
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId });
  const paths = [
    "/admin",
    "/admin/requests",
    `/admin/requests/${requestId}`,
    "/admin/keys",
    "/admin/organisations",
    `/admin/organisations/${partner.organizationId}`,
    "/admin/users",
    `/admin/users/${partner.userId}`,
    "/admin/audit",
    "/admin/gateway",
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
    await expect(page.getByText("Admin console")).toHaveCount(0);
  }
});

test("an anonymous visitor is sent to sign in, with the page to return to", async ({ page }) => {
  for (const path of ["/admin", "/admin/keys", "/admin/audit?action=key.revoked"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    expect(decodeURIComponent(new URL(page.url()).searchParams.get("callbackUrl") ?? "")).toBe(path);
  }
});
