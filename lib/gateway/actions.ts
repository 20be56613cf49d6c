"use server";
// Server actions of /admin/gateway. Every export is a public endpoint, so each is built
// with adminAction, which re-reads the caller's role from the database.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";
import { issueGatewayCredentialSchema, revokeGatewayCredentialSchema } from "./schemas";
import { issueGatewayCredential, revokeGatewayCredential } from "./service";

export const issueGatewayCredentialAction = adminAction(issueGatewayCredentialSchema, async (input, admin, { ip }) => {
  // A credential that verifies every key: only after a recent sign-in or step-up.
  await requireFreshAuth(admin);
  const issued = await issueGatewayCredential(input, admin, ip);
  revalidatePath("/admin/gateway");
  return issued;
});

export const revokeGatewayCredentialAction = adminAction(revokeGatewayCredentialSchema, async (input, admin, { ip }) => {
  await revokeGatewayCredential(input, admin, ip);
  revalidatePath("/admin/gateway");
});
