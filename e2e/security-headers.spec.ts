// The Content-Security-Policy at work in a real browser: a fresh nonce on every response,
// carried by the page's own scripts, and markup injected into a page cannot run a script
// without it (the browser reports the violation). Every other spec fails on any violation
// (e2e/fixtures.ts); this one provokes them on purpose.
import { expect, test } from "./fixtures";

test.use({ allowCspViolations: true });

const nonceOf = (csp: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

test("every page load gets its own nonce, and the page's scripts carry it", async ({ page }) => {
  const first = await page.goto("/docs");
  const second = await page.goto("/docs");
  const [a, b] = [first!.headers()["content-security-policy"], second!.headers()["content-security-policy"]];
  for (const csp of [a, b]) {
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
  }
  expect(nonceOf(a)).toBeTruthy();
  expect(nonceOf(a)).not.toBe(nonceOf(b));
  expect(second!.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  // Served over http here: no HSTS (it is sent when the portal's URL is https).
  expect(second!.headers()["strict-transport-security"]).toBeUndefined();

  // Browsers hide a nonce from getAttribute; the property still tells.
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonceOf(b)]));
});

test("an injected inline script without the nonce is blocked and reported", async ({ page, cspViolations }) => {
  // Stand-in for stored XSS: the served HTML gains scripts, one with the response's real
  // nonce (proving an injected script would run if the policy let it), one with a guessed
  // nonce and one with none.
  await page.route("**/docs", async (route) => {
    const response = await route.fetch();
    const nonce = nonceOf(response.headers()["content-security-policy"]);
    const html = (await response.text()).replace(
      "</body>",
      `<script nonce="${nonce}">window.__withNonce = true</script>` +
        `<script nonce="Z3Vlc3NlZA==">window.__guessedNonce = true</script>` +
        `<script>window.__noNonce = true</script></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const ran = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { withNonce: w.__withNonce === true, guessed: w.__guessedNonce === true, none: w.__noNonce === true };
  });
  expect(ran).toEqual({ withNonce: true, guessed: false, none: false });
  await expect.poll(() => cspViolations.filter((v) => v.directive === "script-src-elem" && v.blocked === "inline").length).toBe(2);
});
