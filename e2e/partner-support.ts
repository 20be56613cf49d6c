// Builders for the partner specs: requests and approved keys written through the real
// services (the same path the admin console takes), so a spec can start from "approved,
// ready to reveal" without driving the admin UI. Each call makes its own rows.
import { expect, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import type { TestPartner } from "./fixtures";
import { factory } from "./support/factory";

type RequestOptions = { keyName?: string; scopes?: string[]; environment?: "sandbox" | "production"; keyType?: "partner" | "webhook" | "mobile" | "system" };

export function submitRequestFor(partner: TestPartner, options: RequestOptions = {}) {
  return factory<{ requestId: string; keyName: string }>("submitRequest", { userId: partner.userId, ...options });
}

/** An approved request whose key waits, "Ready to reveal", for the partner. */
export async function approvedKeyFor(partner: TestPartner, options: RequestOptions & { granted?: string[] } = {}) {
  const { requestId, keyName } = await submitRequestFor(partner, options);
  const grantedScopes = options.granted ?? options.scopes ?? ["cooperatives:read", "members:read"];
  const { keyId } = await factory<{ keyId: string }>("approveRequest", { requestId, grantedScopes, adminEmail: E2E.adminEmail });
  return { requestId, keyId, keyName };
}

export function countRequests(organizationId: string) {
  return factory<number>("countRequests", { organizationId });
}

/** Reveals a pending key through the UI and returns the secret from the one-time panel. */
export async function revealThroughUi(page: Page, keyName: string): Promise<string> {
  await page.getByRole("button", { name: "Reveal key" }).first().click();
  await page.getByRole("dialog", { name: `Reveal ${keyName}?` }).getByRole("button", { name: "Reveal the key now" }).click();
  const field = page.getByRole("dialog", { name: `Your key: ${keyName}` }).getByLabel("Secret key");
  await expect(field).toHaveValue(/^sk_copa_partner_[a-z0-9]{32}$/);
  return field.inputValue();
}
