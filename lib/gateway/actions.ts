"use server";
// Server actions of /admin/gateway. Every export is a public endpoint, so each is built
// with adminAction, which re-reads the caller's role from the database.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/actions";
import { issueGatewayCredentialSchema, revokeGatewayCredentialSchema } from "./schemas";
import { issueGatewayCredential, revokeGatewayCredential } from "./service";

export const issueGatewayCredentialAction = adminAction(issueGatewayCredentialSchema, async (input, admin, { ip }) => {
  const issued = await issueGatewayCredential(input, admin, ip);
  revalidatePath("/admin/gateway");
  return issued;
});

export const revokeGatewayCredentialAction = adminAction(revokeGatewayCredentialSchema, async (input, admin, { ip }) => {
  await revokeGatewayCredential(input, admin, ip);
  revalidatePath("/admin/gateway");
});
