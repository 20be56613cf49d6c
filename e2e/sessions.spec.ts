// Sessions end on the server: signing out makes a copied cookie worthless, the account page
// lists the sessions and ends any one of them, and a brute-forced sign-in is answered 429
// with Retry-After and a plain message.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function expectSignedIn(page: Page) {
  await page.goto("/keys");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
}

async function expectSignedOut(page: Page) {
  await page.goto("/keys");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fkeys$/);
}

test("after signing out, a copy of the session cookie gets nothing", async ({ browser, partnerPage: { page } }) => {
  await expectSignedIn(page);
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name === "next-auth.session-token")).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // Someone who copied the cookie before the sign-out replays it in another browser.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await expectSignedOut(thiefPage);
  // next-auth's own session endpoint neither answers nor extends it; it clears the cookie.
  await thief.addCookies(copied);
  const session = await thiefPage.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/next-auth\.session-token=[^;]{20,}/);
  await thief.close();
});

test("the account page lists the sessions and ends only the one chosen", async ({ browser, partnerPage: { page, partner } }) => {
  const laptop = await browser.newContext({ userAgent: FIREFOX_WINDOWS });
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, partner.email, partner.password);
  const phone = await browser.newContext({ userAgent: SAFARI_IPHONE });
  const phonePage = await phone.newPage();
  await signIn(phonePage, partner.email, partner.password);

  await page.goto("/account");
  const list = page.getByRole("list", { name: "Active sessions" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  // This browser first, marked as such.
  await expect(list.getByRole("listitem").first()).toHaveAccessibleName(/^Chrome on .+ \(this browser\)$/);
  await expect(list.getByRole("listitem", { name: "Firefox on Windows" })).toBeVisible();

  // By keyboard: focus the laptop's button and press Enter.
  const end = list.getByRole("button", { name: "End session: Firefox on Windows" });
  await end.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Firefox on Windows was signed out." })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);

  await expectSignedOut(laptopPage);
  await expectSignedIn(phonePage);
  await expectSignedIn(page);

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await laptop.close();
  await phone.close();
});

test("guessing a password gets 429 with Retry-After, and the form says when to try again", async ({ page, createPartner }) => {
  const partner = await createPartner();
  await page.goto("/sign-in");
  // The e2e server trusts no proxy, so the client IP is unknown: the per-account limit applies
  // (ten free attempts, then a delay). Guesses go straight to next-auth, as a script would.
  const csrf = ((await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const guess = (password: string) =>
    page.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf, email: partner.email, password, json: "true" } });
  for (let i = 0; i < 11; i++) expect((await guess(`wrong guess ${i}`)).status()).toBe(401);
  const refused = await guess(partner.password);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ detail: "Too many attempts; try again in 1 minute." });

  // The form: even the right password waits, and the message says for how long.
  await page.getByLabel("E-mail").fill(partner.email);
  await page.getByLabel("Password").fill(partner.password);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts; try again in 1 minute." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
