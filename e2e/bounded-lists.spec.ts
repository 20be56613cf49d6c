// Long lists page on the server and the organisation filter searches on demand: what a
// partner with many keys and an admin among many organisations actually use, keyboard
// only where it matters, with axe (WCAG 2.2 AA) in light and dark.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { factory } from "./support/factory";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAccessible(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("a partner's keys come 50 to a page, with Previous/Next links and a count", async ({ partnerPage: { page, partner } }) => {
  await factory("bulkKeys", { organizationId: partner.organizationId, count: 55 });
  await page.goto("/keys");
  const pager = page.getByRole("navigation", { name: "Pages" });
  await expect(pager).toContainText("Showing 1–50 of 55 keys");
  await expect(page.getByRole("link", { name: /^Bulk key/ })).toHaveCount(50);
  await expect(page.getByRole("link", { name: "Bulk key 055" })).toBeVisible();

  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/keys\?page=2$/);
  await expect(pager).toContainText("Showing 51–55 of 55 keys");
  await expect(page.getByRole("link", { name: /^Bulk key/ })).toHaveCount(5);
  await expect(page.getByRole("link", { name: "Bulk key 001" })).toBeVisible();
  await expectAccessible(page);

  // Keyboard: the pager's links are reached and followed like any link.
  await pager.getByRole("link", { name: "Previous page" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/keys$/);

  // Hand-edited page numbers never break the page.
  await page.goto("/keys?page=abc");
  await expect(pager).toContainText("Showing 1–50 of 55 keys");
  await page.goto("/keys?page=9");
  await expect(pager).toContainText("Page 9 is past the end: there are 55 keys.");
  await pager.getByRole("link", { name: "Go to the first page" }).click();
  await expect(pager).toContainText("Showing 1–50 of 55 keys");
});

test("an admin filters requests by organisation through the searchable combobox, by keyboard", async ({ adminPage: page, createPartner }) => {
  const [wanted, other] = await Promise.all([createPartner(), createPartner()]);
  const [mine, theirs] = await Promise.all([
    factory<{ keyName: string }>("submitRequest", { userId: wanted.userId }),
    factory<{ keyName: string }>("submitRequest", { userId: other.userId }),
  ]);
  await page.goto("/admin/requests");
  const box = page.getByRole("combobox", { name: "Organisation" });
  await expect(box).toHaveAttribute("aria-expanded", "false");

  await box.click();
  await box.pressSequentially(wanted.organizationName.toLowerCase());
  const list = page.getByRole("listbox", { name: "Organisations" });
  await expect(list.getByRole("option")).toHaveCount(1);
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(list.getByRole("option", { name: wanted.organizationName })).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await expectAccessible(page);

  // Escape closes the list without choosing; ArrowDown opens it again; Enter picks.
  await box.press("Escape");
  await expect(list).toBeHidden();
  await box.press("ArrowDown");
  await expect(list.getByRole("option", { name: wanted.organizationName })).toBeVisible();
  await box.press("Enter");
  await expect(list).toBeHidden();
  await expect(box).toHaveValue(wanted.organizationName);

  // With the list closed, Enter submits the plain GET form: the filter is in the URL.
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`org=${wanted.organizationId}`));
  await expect(page.getByRole("link", { name: mine.keyName })).toBeVisible();
  await expect(page.getByRole("link", { name: theirs.keyName })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Organisation" })).toHaveValue(wanted.organizationName);

  // Emptying the box and applying shows every organisation again.
  await page.getByRole("combobox", { name: "Organisation" }).fill("");
  await page.getByRole("button", { name: "Apply filters" }).click();
  // (The plain GET form sends an empty org=, which means every organisation.)
  await expect(page).not.toHaveURL(/org=[0-9a-f]/);
  await expect(page.getByRole("combobox", { name: "Organisation" })).toHaveValue("");
});

test("the admin overview shows counts and the few oldest requests, and links to the queue", async ({ adminPage: page, createPartner }) => {
  const partner = await createPartner();
  await factory("submitRequest", { userId: partner.userId });
  await page.goto("/admin");
  await expect(page.getByTestId("pending-request").first()).toBeVisible();
  expect(await page.getByTestId("pending-request").count()).toBeLessThanOrEqual(5);
  await page.getByRole("link", { name: /pending requests? →|The review queue →/ }).click();
  await expect(page).toHaveURL(/\/admin\/requests\?status=pending$/);
});
