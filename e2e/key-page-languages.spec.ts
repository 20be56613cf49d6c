// The key page in French (issue 13, three languages): the status badge, the reveal,
// rotate and revoke dialogs, the one-time secret panel, the scope-change form and the
// key's history all read in the reader's language, and no message key shows raw.
import { expect, test } from "./fixtures";
import { approvedKeyFor } from "./partner-support";
import type { Page } from "@playwright/test";

/** A message key (or next-intl's missing-message marker) left on the page. */
const RAW_KEY = /⟦|\bkeys\.(states|status|reveal|rotate|revoke|secret|scopeChange|history|policy|errors|page)\.[a-zA-Z_]/;

async function expectNoRawKey(page: Page) {
  await expect(page.locator("body")).not.toContainText(RAW_KEY);
}

test("a partner reveals, rotates and revokes a key in French", async ({ partnerPage: { page, partner }, baseURL }) => {
  // Three dialogs and a reveal in one flow: give it the slow budget on a busy machine.
  test.slow();
  const { keyId, keyName } = await approvedKeyFor(partner, { keyName: "Guichet mobile" });
  await page.context().addCookies([{ name: "copa-locale", value: "fr", url: baseURL! }]);
  await page.goto(`/keys/${keyId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  // Status badge (with its explanation as the tooltip) and the page's details.
  const heading = page.getByRole("heading", { level: 1, name: keyName });
  const badge = heading.locator("xpath=..").getByText("Prête à être révélée", { exact: true });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("title", "Approuvée. Révélez la clé pour la copier ; elle n'est affichée qu'une seule fois.");
  await expect(page.getByRole("heading", { name: "Modifier les portées" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Retirer cooperatives:read" })).toBeVisible();
  await expect(page.getByTestId("key-history")).toContainText("Émise");
  await expect(page.getByTestId("key-history")).toContainText("par COPA");
  await expectNoRawKey(page);

  // Reveal: the confirmation, then the one-time panel.
  await page.getByRole("button", { name: "Révéler la clé" }).click();
  const ask = page.getByRole("dialog", { name: `Révéler ${keyName} ?` });
  await expect(ask).toContainText("La clé complète est affichée une seule fois, maintenant.");
  await expect(ask.getByRole("button", { name: "Pas maintenant" })).toBeVisible();
  await ask.getByRole("button", { name: "Révéler la clé maintenant" }).click();
  const shown = page.getByRole("dialog", { name: `Votre clé : ${keyName}` });
  await expect(shown.getByLabel("Clé secrète")).toHaveValue(/^sk_copa_partner_/);
  await expect(shown).toContainText("Copiez cette clé maintenant. Vous ne pourrez plus la voir.");
  await expect(shown.getByRole("button", { name: "Copier" })).toBeVisible();
  await expectNoRawKey(page);
  // Closing without copying asks first.
  await shown.getByRole("button", { name: "Je l'ai conservée" }).click();
  await expect(shown).toContainText("Vous n'avez pas copié la clé. Fermer quand même ?");
  await shown.getByRole("button", { name: "Fermer sans copier" }).click();
  await expect(shown).toBeHidden();

  // Active now: its badge, and the history says it was revealed.
  await expect(heading.locator("xpath=..").getByText("Active", { exact: true })).toBeVisible();
  await expect(page.getByTestId("key-history")).toContainText("Révélée (le secret a été affiché une fois)");

  // Rotate: the grace choices, then cancel.
  await page.getByRole("button", { name: "Renouveler", exact: true }).click();
  const rotate = page.getByRole("dialog", { name: `Renouveler ${keyName}` });
  await expect(rotate.getByRole("group", { name: "Garder la clé actuelle en service" })).toBeVisible();
  await expect(rotate.getByRole("radio", { name: "L'arrêter immédiatement" })).toBeVisible();
  await expect(rotate.getByRole("radio", { name: "Pendant 24 heures" })).toBeChecked();
  await expect(rotate.getByRole("button", { name: "Renouveler la clé" })).toBeVisible();
  await expectNoRawKey(page);
  await rotate.getByRole("button", { name: "Annuler" }).click();
  await expect(rotate).toBeHidden();

  // Revoke: typed confirmation, a wrong name refused in French by the server, then done.
  await page.getByRole("button", { name: "Révoquer", exact: true }).click();
  const revoke = page.getByRole("dialog", { name: `Révoquer ${keyName} ?` });
  await expect(revoke).toContainText("L'API refuse");
  await expect(revoke).toContainText("Cette action est irréversible.");
  await revoke.getByLabel(`Saisissez ${keyName} pour confirmer`).fill(keyName);
  await revoke.getByLabel("Motif (facultatif)").fill("Essai de traduction");
  await revoke.getByRole("button", { name: "Révoquer la clé" }).click();
  await expect(revoke).toBeHidden();

  await expect(heading.locator("xpath=..").getByText("Révoquée", { exact: true })).toBeVisible();
  const history = page.getByTestId("key-history");
  await expect(history).toContainText("Révoquée");
  await expect(history).toContainText("Émise · avec cooperatives:read, members:read");
  await expect(page.locator("body")).not.toContainText("Ready to reveal");
  await expectNoRawKey(page);
});
