import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/auth/session";
import { listGatewayCredentials } from "@/lib/gateway/service";
import { IssueCredential } from "./_components/issue-credential";
import { RevokeCredential } from "./_components/revoke-credential";

export const metadata: Metadata = { title: "Gateway credentials" };

/**
 * Credentials for COPA's production gateway to call the key verification service
 * (POST /api/keys/verify). Tokens are shown once at issue; the list shows masks only.
 */
export default async function GatewayPage() {
  await requireAdminPage();
  const credentials = await listGatewayCredentials();
  const active = credentials.filter((c) => !c.revokedAt).length;
  return (
    <>
      <PageHeader
        title="Gateway credentials"
        description="COPA's gateway presents one of these as a bearer token to POST /api/keys/verify before forwarding each API call. Revoking one refuses its next verification."
      />
      <div className="space-y-6">
        <Card className="p-4 sm:p-5">
          <h2 className="text-base font-semibold">Issue a credential</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Give each gateway deployment its own credential so one can be revoked without stopping the others. The token is
            shown once; store it in the gateway&apos;s secret store.
          </p>
          <div className="mt-4">
            <IssueCredential />
          </div>
        </Card>

        <section aria-labelledby="credentials-heading" className="space-y-3">
          <h2 id="credentials-heading" className="text-base font-semibold">
            Credentials <span className="font-normal text-zinc-600 dark:text-zinc-400">({active} active)</span>
          </h2>
          {credentials.length === 0 ? (
            <EmptyState title="No gateway credentials yet">Issue one above; until then every verification is refused with 401.</EmptyState>
          ) : (
            <Table>
              <THead>
                <tr>
                  <Th>Name</Th>
                  <Th>Token</Th>
                  <Th>Status</Th>
                  <Th>Issued</Th>
                  <Th>Last used</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {credentials.map((c) => (
                  <Tr key={c.id}>
                    <Td label="Name" className="font-medium">{c.name}</Td>
                    <Td label="Token">
                      <code className="text-xs">{c.mask}</code>
                    </Td>
                    <Td label="Status">
                      {c.revokedAt ? (
                        <Badge tone="red" title={`Revoked ${c.revokedAt.toISOString()}`}>Revoked</Badge>
                      ) : (
                        <Badge tone="green">Active</Badge>
                      )}
                    </Td>
                    <Td label="Issued">
                      <Time value={c.createdAt} dateOnly />
                    </Td>
                    <Td label="Last used">
                      <Time value={c.lastUsedAt} relative fallback="Never" className="text-zinc-700 dark:text-zinc-300" />
                    </Td>
                    <Td label="Actions" className="md:text-right">
                      {!c.revokedAt && <RevokeCredential id={c.id} name={c.name} />}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
