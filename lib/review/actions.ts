"use server";
// The key policy's server action. Every export is a public endpoint: built with
// adminAction (session, admin role and two-factor re-read from the database), and a
// policy change needs a recent sign-in or step-up: it decides what keys may exist.
import { adminAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";
import type { EditableKeyPolicy } from "@/lib/keys/policy";
import { keyPolicySchema } from "@/lib/keys/policy-schema";
import { updateKeyPolicy } from "@/lib/keys/policy-store";

export const updateKeyPolicyAction = adminAction(keyPolicySchema, async (input, admin, { ip }) => {
  await requireFreshAuth(admin);
  return updateKeyPolicy(input as unknown as EditableKeyPolicy, admin, ip);
});
