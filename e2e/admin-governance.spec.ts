// Governing organisations and keys: suspension with a required reason, reactivation, an
// admin revoking a partner's key (type-the-name), and all of it in the audit trail.
import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { factory } from "./support/factory";

test("suspend an organisation (reason required), then reactivate it, audited", async ({ adminPage, createPartner }) => {
  const partner = await createPartner();
  await adminPage.goto("/admin/organisations?q=" + encodeURIComponent(partner.organizationName));
  await adminPage.getByRole("link", { name: partner.organizationName }).click();
  await expect(adminPage.getByRole("heading", { name: partner.organizationName })).toBeVisible();

  await adminPage.getByRole("button", { name: "Suspend organisation…" }).click();
  await adminPage.getByRole("button", { name: "Suspend", exact: true }).click();
  await expect(adminPage.getByText(/Say why \(at least 10 characters\)/)).toBeVisible();
  expect((await factory<{ suspended: boolean }>("organizationState", { organizationId: partner.organizationId })).suspended).toBe(false);

  const reason = `Agreement lapsed ${randomBytes(3).toString("hex")}`;
  await adminPage.getByLabel("Reason").fill(reason);
  await adminPage.getByRole("button", { name: "Suspend", exact: true }).click();
  await expect(adminPage.getByRole("alert").filter({ hasText: "This organisation is suspended" })).toContainText(reason);

  await adminPage.getByRole("button", { name: "Reactivate organisation…" }).click();
  await adminPage.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(adminPage.getByRole("button", { name: "Suspend organisation…" })).toBeVisible();

  const state = await factory<{ suspended: boolean; events: { action: string }[] }>("organizationState", { organizationId: partner.organizationId });
  expect(state.suspended).toBe(false);
  expect(state.events.map((e) => e.action).sort()).toEqual(["organization.reactivated", "organization.suspended"]);

  await adminPage.goto(`/admin/audit?org=${partner.organizationId}&action=organization.suspended`);
  await expect(adminPage.getByTestId("audit-event")).toHaveCount(1);
  await expect(adminPage.getByTestId("audit-event")).toContainText(reason);
});

test("an admin revokes a partner's key after typing its name and giving a reason", async ({ adminPage, createPartner }) => {
  const partner = await createPartner();
  const { keyId, keyName } = await factory<{ keyId: string; keyName: string }>("activeKey", { userId: partner.userId, adminEmail: "admin@copa.test" });

  await adminPage.goto(`/admin/keys?org=${partner.organizationId}&state=active`);
  await adminPage.getByRole("link", { name: keyName }).click();
  await expect(adminPage.getByRole("heading", { name: keyName })).toBeVisible();
  await expect(adminPage.getByText(/sk_copa_partner_••••[a-z0-9]{4}/).first()).toBeVisible();

  await adminPage.getByRole("button", { name: "Revoke key…" }).click();
  const confirm = adminPage.getByRole("button", { name: "Revoke this key" });
  await adminPage.getByLabel(/to confirm/).fill("not the name");
  await expect(confirm).toBeDisabled();
  await adminPage.getByLabel(/to confirm/).fill(keyName);
  await confirm.click();
  await expect(adminPage.getByText(/Say why \(at least 10 characters\)/)).toBeVisible();
  expect((await factory<{ status: string }>("keyState", { keyId })).status).toBe("active");

  await adminPage.getByLabel("Reason").fill("Key appeared in a public repository.");
  await confirm.click();
  await expect(adminPage.getByRole("heading", { name: keyName })).toContainText("Revoked");
  await expect(adminPage.getByText("Key appeared in a public repository.").first()).toBeVisible();
  expect(await factory("keyState", { keyId })).toEqual({ status: "revoked", revokedReason: "Key appeared in a public repository." });
  // The key's own trail shows the revocation.
  await expect(adminPage.getByTestId("audit-event").filter({ hasText: "key.revoked" })).toHaveCount(1);
});

test("@ui the audit log and the organisations list speak French and Kinyarwanda, with no raw message key", async ({ adminPage, baseURL, createPartner }) => {
  const partner = await createPartner();
  const cases = [
    { locale: "fr", audit: "Journal d'audit", by: /(par|le système) /, organisations: "Organisations", everyOrganisation: "Toutes les organisations", apply: "Appliquer les filtres" },
    { locale: "rw", audit: "Igitabo cy’igenzura", by: /(byakozwe na|sisitemu) /, organisations: "Ibigo", everyOrganisation: "Ibigo byose", apply: "Shyiraho muyunguruzi" },
  ];
  for (const c of cases) {
    await adminPage.context().addCookies([{ name: "copa-locale", value: c.locale, url: baseURL! }]);
    await adminPage.goto("/admin/audit");
    await expect(adminPage.locator("html")).toHaveAttribute("lang", c.locale);
    await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(c.audit);
    // Client components (navigation, organisation search) get the admin namespace too.
    await expect(adminPage.getByRole("navigation", { name: c.locale === "fr" ? "Administration" : "Ubuyobozi" }).getByRole("link", { name: c.audit })).toHaveAttribute("aria-current", "page");
    await expect(adminPage.getByPlaceholder(c.everyOrganisation)).toBeVisible();
    await expect(adminPage.getByRole("button", { name: c.apply })).toBeVisible();
    await expect(adminPage.getByTestId("audit-event").first()).toContainText(c.by);
    await expect(adminPage.locator("body")).not.toContainText("⟦");

    await adminPage.goto("/admin/organisations?q=" + encodeURIComponent(partner.organizationName));
    await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(c.organisations);
    await expect(adminPage.getByRole("table", { name: c.organisations }).getByRole("link", { name: partner.organizationName })).toBeVisible();
    await expect(adminPage.locator("body")).not.toContainText("⟦");
  }
});
