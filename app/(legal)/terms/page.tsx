import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Terms of use" };

export default function TermsPage() {
  const env = getEnv();
  const support = env.COPA_SUPPORT_EMAIL ?? env.ADMIN_EMAIL;
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">Terms of use</h1>
      <p className="mt-3 text-lg">The rules for using the COPA Developer Portal and the API keys it issues.</p>

      <h2>Accounts</h2>
      <p>
        Use your own account, with accurate details about you and your organisation. Keep your password to yourself and turn on two-factor authentication.
        Your organisation&apos;s owners decide who belongs to it and remain responsible for its members&apos; actions.
      </p>

      <h2>API keys</h2>
      <p>
        A key belongs to your organisation and may be used only for the use case COPA approved, within the scopes granted. Store it on a server, never in
        client-side code, a mobile app or a repository. If a key may have leaked, revoke or rotate it at once and tell us. COPA may suspend an organisation
        or revoke a key that is misused, and every action is recorded in the audit trail.
      </p>

      <h2>Cooperative data</h2>
      <p>
        Data about cooperatives and their members is personal data under Rwanda&apos;s Law N° 058/2021. Process it only for the approved purpose, keep it
        secure, do not re-share it, and delete it when you no longer need it. The sandbox data is fictional and must not be treated as real.
      </p>

      <h2>Availability and changes</h2>
      <p>
        We work to keep the portal and the API available but do not guarantee it; rate limits apply to every key. We may change these terms and will tell
        organisation owners before a change takes effect. Our <Link href="/privacy">privacy notice</Link> explains how we handle your own data.
      </p>

      <h2>Contact</h2>
      <p>
        Questions: <a href={`mailto:${support}`}>{support}</a>.
      </p>
    </>
  );
}
