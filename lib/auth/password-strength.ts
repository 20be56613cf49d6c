// Refuses the passwords attackers try first. zxcvbn-ts's common dictionary is the most
// frequent passwords of public breach corpora, and the estimator sees through what people
// do to them (capitals, l33t, appended years and digits, keyboard walks, repeats,
// sequences). Anything it estimates at under 10^8 guesses (its score below 3) is refused:
// with the 12-character minimum that is exactly the common, breached and patterned ones.
// Shared by the browser (through the zod schema) and the server; the dictionaries are
// imported on first use, so pages only download them when a password is checked.
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

export const MIN_SCORE = 3;

/** Message keys (lib/i18n/messages/{en,fr,rw}/auth.json): the form and the action show them in the reader's language. */
export const COMMON_PASSWORD_MESSAGE = "auth.errors.passwordCommon";
export const PREDICTABLE_PASSWORD_MESSAGE = "auth.errors.passwordPredictable";

let estimator: Promise<ZxcvbnFactory> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

/** Why a password is refused (a field error a person can act on), or null when it is fine. */
export async function passwordWeakness(password: string): Promise<string | null> {
  const result = (await loadEstimator()).check(password);
  if (result.score >= MIN_SCORE) return null;
  const fromBreaches = result.sequence.some((m) => m.pattern === "dictionary" && m.dictionaryName === "passwords-common");
  return fromBreaches ? COMMON_PASSWORD_MESSAGE : PREDICTABLE_PASSWORD_MESSAGE;
}
