// The order in which the API checks a request, with the error each step can end in. The
// bodies come from lib/docs/errors.ts, the same list the errors page renders.
import { docsError } from "@/lib/docs/errors";

const CHECKS = [
  {
    title: "Authentication",
    text: "Is there a well-formed, known, active key in Authorization: Bearer or X-API-Key, valid in this environment?",
    status: 401,
  },
  {
    title: "Scope",
    text: "Was the key granted the one scope this endpoint requires?",
    status: 403,
  },
  {
    title: "Rate limit",
    text: "Has the key requests left in its rolling hour and rolling day?",
    status: 429,
  },
] as const;

export function RequestChecks() {
  return (
    <ol className="grid gap-3 sm:grid-cols-2" aria-label="Checks in order">
      {CHECKS.map((c, i) => (
        <li key={c.title} className="relative rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
          <p className="text-xs font-semibold text-zinc-500 dark:text-zinc-400">Step {i + 1}</p>
          <p className="mt-0.5 font-semibold text-zinc-950 dark:text-white">{c.title}</p>
          <p className="mt-1 text-sm leading-6 text-zinc-600 dark:text-zinc-400">{c.text}</p>
          <p className="mt-3 border-t border-zinc-200 pt-2 text-xs text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
            Fails with <span className="font-semibold">{c.status}</span>{" "}
            <code className="font-mono break-words">{docsError(c.status).body}</code>
          </p>
        </li>
      ))}
      <li className="rounded-lg border border-brand-600/40 bg-brand-50 p-4 dark:border-brand-500/40 dark:bg-brand-900/25">
        <p className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">Step 4</p>
        <p className="mt-0.5 font-semibold text-zinc-950 dark:text-white">Response</p>
        <p className="mt-1 text-sm leading-6 text-zinc-700 dark:text-zinc-300">
          The endpoint runs: 200 with data, or 400 for invalid parameters, 404 for an unknown id.
        </p>
      </li>
    </ol>
  );
}
