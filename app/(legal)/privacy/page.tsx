import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Privacy notice" };

// Written from what prisma/schema.prisma actually stores: keep the two in step when the
// schema gains personal data.
export default function PrivacyPage() {
  const env = getEnv();
  const support = env.COPA_SUPPORT_EMAIL ?? env.ADMIN_EMAIL;
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">Privacy notice</h1>
      <p className="mt-3 text-lg">
        What personal data the COPA Developer Portal keeps, why, for how long, and your rights under Rwanda&apos;s Law N° 058/2021 of 13/10/2021 relating to
        the protection of personal data and privacy.
      </p>

      <h2>Who is responsible</h2>
      <p>
        COPA operates this portal and is the data controller for the personal data below. Write to{" "}
        <a href={`mailto:${support}`}>{support}</a> for any question or request about your data.
      </p>

      <h2>What we keep and why</h2>
      <dl>
        <dt>Your account</dt>
        <dd>
          Your name, e-mail address, a salted hash of your password (never the password itself), your role, when you last signed in and, if you turn it on,
          your two-factor secret (encrypted) and hashes of your recovery codes. We need them to let you sign in and to keep others out of your account.
        </dd>
        <dt>Your organisation</dt>
        <dd>
          Its legal name, kind, country, website and contact e-mail, and who belongs to it with which role. API keys are issued to organisations, and COPA
          reviewers need to know who asks for access to cooperative data.
        </dd>
        <dt>Access requests</dt>
        <dd>
          The key name, use case and justifications you write, who submitted the request and which COPA admin decided it, with their note. This is the
          record of why a key was granted.
        </dd>
        <dt>Sessions</dt>
        <dd>
          For each sign-in: when it started and was last used, when it ends, and the IP address and browser (user agent) it came from. You see them on your
          account page and can end them; they let us detect and stop a stolen session.
        </dd>
        <dt>Audit trail</dt>
        <dd>
          Every change to accounts, organisations, requests and keys, with who made it (their e-mail), when, from which IP address, and what changed
          (never a key or password). COPA must be able to show who granted, used or revoked access to cooperative members&apos; data.
        </dd>
        <dt>API usage</dt>
        <dd>
          For each key: the number of calls per day by result, rate-limit counters, when it was last used and from which IP address; and, per IP address
          and minute, the number of failed key checks. This enforces rate limits, shows you your usage and protects keys from guessing. We do not store the
          content of API calls.
        </dd>
      </dl>
      <p>
        Sign-in throttling stores only hashes of e-mail and IP addresses. The session cookie is the only cookie the portal sets; there is no analytics or
        advertising tracking. The sandbox data behind <code>/api/v1</code> is fictional.
      </p>

      <h2>Legal basis</h2>
      <p>
        We process this data to provide the service you or your organisation asked for (an account and API keys), to meet COPA&apos;s duty to keep
        cooperative members&apos; data secure and accountable, and, for security logs, in COPA&apos;s legitimate interest in preventing misuse.
      </p>

      <h2>How long we keep it</h2>
      <p>
        Account, organisation, request, key and audit records are kept while the account or organisation exists, and audit records also afterwards, as the
        record of who had access to what. Session and usage records are kept with them. The portal does not yet delete old records automatically; ask us
        and we will erase what the law does not require us to keep.
      </p>

      <h2>Who sees it</h2>
      <p>
        Members of your organisation see its requests, keys, usage and team. COPA admins see all of it to review requests and govern access. We do not sell
        or share it with anyone else, except where a Rwandan law requires it. The data is stored on COPA&apos;s servers.
      </p>

      <h2>Your rights</h2>
      <p>
        You may ask to see the personal data we hold about you, to have it corrected or erased, to object to or restrict its processing, and to receive a
        copy. You can correct your name and password on your <Link href="/account">account page</Link>; for anything else write to{" "}
        <a href={`mailto:${support}`}>{support}</a>. If you are not satisfied with our answer you may complain to the National Cyber Security Authority
        (NCSA), Rwanda&apos;s supervisory authority for personal data protection.
      </p>
    </>
  );
}
