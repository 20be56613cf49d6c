// The endpoint GitHub's secret scanning partner programme posts to when it finds strings
// shaped like COPA keys in public code (served by the machine API, lib/api/app.ts, on the
// portal's origin and the API service's). Signature first, over the exact bytes received;
// then the payload; then each match. The answer is the same whatever the matches are, so
// it tells nothing about which keys exist; GitHub's optional feedback is not sent.
import { githubAlertSchema } from "./schemas";
import { getLeakSettings, reportLeaks } from "./service";
import { verifyGithubSignature } from "./signature";

export const GITHUB_LEAK_PATH = "/api/leaks/github";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });

export async function handleGithubLeakReport(rawBody: Buffer, headers: Headers, ip: string | null): Promise<Response> {
  const { githubKeys } = await getLeakSettings();
  const signed = verifyGithubSignature(rawBody, headers.get("github-public-key-identifier"), headers.get("github-public-key-signature"), githubKeys);
  if (!signed) return json(401, { detail: "Invalid signature." });
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString("utf8"));
  } catch {
    return json(400, { detail: "The body is not valid JSON." });
  }
  const parsed = githubAlertSchema.safeParse(payload);
  if (!parsed.success) return json(400, { detail: "The body is not a list of secret scanning matches." });
  await reportLeaks(parsed.data.map((m) => ({ token: m.token, location: m.url })), { source: "github" }, ip);
  return json(200, []);
}

