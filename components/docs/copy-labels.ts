// The copy button's words in the reader's language, made on the server and handed to the
// client button as a prop (the docs do not send their whole namespace to the browser).
import { getTranslations } from "next-intl/server";
import type { CopyLabels } from "./copy-button";

export async function copyLabels(): Promise<CopyLabels> {
  const t = await getTranslations("docs.copy");
  return { copy: t("copy"), copied: t("copied"), failed: t("failed"), announceCopied: t("announceCopied"), announceFailed: t("announceFailed") };
}
