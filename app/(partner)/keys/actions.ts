"use server";

// Key actions. Reveal and rotate return a secret: it travels in this action's response
// only, is shown once by the client panel and is never stored, logged, put in a URL or
// re-rendered by a page. That is also why none of these actions revalidates the page: a
// revalidation would ride along in the same response, and the client refreshes only
// after the panel is closed. Viewers see keys but every action refuses them. Each needs
// a recent sign-in or step-up (requireFreshAuth): a stolen session alone cannot mint a key.
import { partnerAction } from "@/lib/auth/actions";
import type { MembershipRole } from "@/lib/auth/session";
import { requireFreshAuth } from "@/lib/auth/step-up";
import { keyAllowlistSchema, keyIdSchema, renameKeySchema, revokeKeySchema, rotateKeySchema, scopeChangeIdSchema, scopeChangeRequestSchema } from "@/lib/keys/schemas";
import { requestScopeChange, withdrawScopeChange } from "@/lib/keys/scope-changes";
import { revealKey, revokeKey, rotateKey } from "@/lib/keys/service";
import { renameKey, setKeyAllowlist } from "@/lib/keys/settings";
import { endGracePeriod } from "@/lib/keys/activity";
import { narrowKeyToUsedScopes } from "@/lib/keys/unused";

const KEY_MANAGERS: { roles: MembershipRole[] } = { roles: ["owner", "developer"] };

export const revealKeyAction = partnerAction(
  keyIdSchema,
  async (input, user, ctx) => {
    await requireFreshAuth(user);
    const { keyId, secret, mask } = await revealKey(input.keyId, user, ctx.ip);
    return { keyId, secret, mask };
  },
  KEY_MANAGERS,
);

export const rotateKeyAction = partnerAction(
  rotateKeySchema,
  async (input, user, ctx) => {
    await requireFreshAuth(user);
    const rotated = await rotateKey(input.keyId, input.grace, user, ctx.ip);
    return { keyId: rotated.keyId, secret: rotated.secret, mask: rotated.mask, oldKeyWorksUntil: rotated.oldKeyWorksUntil?.toISOString() ?? null };
  },
  KEY_MANAGERS,
);

export const revokeKeyAction = partnerAction(
  revokeKeySchema,
  async (input, user, ctx) => {
    await requireFreshAuth(user);
    await revokeKey(input, user, { organizationId: user.membership.organizationId }, ctx.ip);
    return null;
  },
  KEY_MANAGERS,
);

/**
 * Asks to add and/or remove scopes on a key: removals apply at once, additions go to
 * COPA's review. No secret is involved, so no step-up either (the key keeps its secret).
 */
export const requestScopeChangeAction = partnerAction(scopeChangeRequestSchema, (input, user, ctx) => requestScopeChange(input, user, ctx.ip), KEY_MANAGERS);

export const withdrawScopeChangeAction = partnerAction(
  scopeChangeIdSchema,
  async (input, user, ctx) => {
    await withdrawScopeChange(input.changeId, user, ctx.ip);
    return null;
  },
  KEY_MANAGERS,
);

/**
 * Sets the addresses the key may be used from. Loosening it (or clearing it) lets a
 * leaked key work from anywhere again, so it asks for a recent sign-in like revoke.
 */
export const setKeyAllowlistAction = partnerAction(
  keyAllowlistSchema,
  async (input, user, ctx) => {
    await requireFreshAuth(user);
    return setKeyAllowlist(input, user, ctx.ip);
  },
  KEY_MANAGERS,
);

/** Renames a key: no secret and no access change, so no step-up. */
export const renameKeyAction = partnerAction(renameKeySchema, (input, user, ctx) => renameKey(input, user, ctx.ip), KEY_MANAGERS);

/**
 * Ends a rotation's grace period now: the old key stops working at once, like a
 * revocation, so it asks for a recent sign-in like revoke. `keyId` is either key of the rotation.
 */
export const endGracePeriodAction = partnerAction(
  keyIdSchema,
  async (input, user, ctx) => {
    await requireFreshAuth(user);
    return endGracePeriod(input.keyId, user, ctx.ip);
  },
  KEY_MANAGERS,
);

/** Removes the scopes no call used in 90 days (the scope-change flow: removals apply at once, no step-up). */
export const narrowKeyToUsedScopesAction = partnerAction(keyIdSchema, (input, user, ctx) => narrowKeyToUsedScopes(input.keyId, user, ctx.ip), KEY_MANAGERS);
