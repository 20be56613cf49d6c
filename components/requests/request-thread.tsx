// A request's conversation, oldest first: the submission, every "changes requested"
// message, every edit with what it changed, and the decision. Partners see "COPA review
// team" where admins see which admin wrote an entry.
import { useTranslations } from "next-intl";
import { ScopeLink } from "@/components/scopes/scope-link";
import { Time } from "@/components/ui/time";
import type { ThreadEntry } from "@/lib/requests/thread";

const DOT: Record<ThreadEntry["kind"], string> = {
  changes_requested: "bg-sky-600",
  resubmitted: "bg-amber-500",
  first_approval: "bg-green-400",
  approved: "bg-green-600",
  rejected: "bg-red-600",
  withdrawn: "bg-zinc-500",
};

type Props = {
  entries: ThreadEntry[];
  audience: "partner" | "admin";
  submitted: { at: Date; by: { name: string; email: string } };
  /** The signed-in admin's e-mail, so their own entries read "You". */
  viewerEmail?: string;
};

export function RequestThread({ entries, audience, submitted, viewerEmail }: Props) {
  // What each entry did (requests.thread.<kind>) follows the actor's name.
  const t = useTranslations("requests.thread");
  const who = (entry: ThreadEntry) => {
    if (entry.actorRole === "system") return t("automatic");
    if (entry.actor && viewerEmail && entry.actor.email === viewerEmail) return t("you");
    if (entry.actor) return audience === "admin" ? `${entry.actor.name} (${entry.actor.email})` : entry.actor.name;
    return entry.actorRole === "admin" ? t("reviewTeam") : t("partner");
  };
  return (
    <ol className="space-y-4" data-testid="request-thread" aria-label={t("label")}>
      <li className="flex gap-3">
        <span aria-hidden className="mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full bg-zinc-400" />
        <div className="min-w-0 text-sm">
          <p>
            <span className="font-medium">{audience === "admin" ? `${submitted.by.name} (${submitted.by.email})` : submitted.by.name}</span> {t("submitted")} ·{" "}
            <Time value={submitted.at} />
          </p>
        </div>
      </li>
      {entries.map((entry) => (
        <li key={entry.id} className="flex gap-3" data-testid="thread-entry" data-kind={entry.kind}>
          <span aria-hidden className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${DOT[entry.kind]}`} />
          <div className="min-w-0 flex-1 text-sm">
            <p>
              <span className="font-medium">{who(entry)}</span> {t(entry.kind)} · <Time value={entry.createdAt} />
            </p>
            {entry.body && (
              <blockquote className="mt-1.5 rounded-md bg-zinc-50 p-3 whitespace-pre-wrap text-zinc-800 dark:bg-zinc-800/50 dark:text-zinc-200">{entry.body}</blockquote>
            )}
            <Changes entry={entry} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function Changes({ entry }: { entry: ThreadEntry }) {
  const t = useTranslations("requests.thread");
  const c = entry.changes;
  const items: React.ReactNode[] = [];
  if (c.scopes?.added.length) items.push(<ScopeItems key="added" label={t("scopesAdded")} scopes={c.scopes.added} />);
  if (c.scopes?.removed.length) items.push(<ScopeItems key="removed" label={t("scopesRemoved")} scopes={c.scopes.removed} />);
  if (c.useCase) {
    items.push(
      <li key="use-case">
        {t("useCaseChanged")}
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-zinc-600 underline dark:text-zinc-400">{t("showPreviousUseCase")}</summary>
          <p className="mt-1 whitespace-pre-wrap text-xs text-zinc-600 line-through dark:text-zinc-400">{c.useCase.from}</p>
        </details>
      </li>,
    );
  }
  if (c.justifications?.length) items.push(<ScopeItems key="just" label={t("justificationChanged")} scopes={c.justifications} />);
  if (c.granted) items.push(<ScopeItems key="granted" label={t("grantedDiffers")} scopes={c.granted} />);
  if (!items.length) return null;
  return <ul className="mt-1.5 list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">{items}</ul>;
}

function ScopeItems({ label, scopes }: { label: string; scopes: string[] }) {
  return (
    <li>
      {label}:{" "}
      {scopes.map((s, i) => (
        <span key={s}>
          {i > 0 && ", "}
          <ScopeLink scope={s} />
        </span>
      ))}
    </li>
  );
}
