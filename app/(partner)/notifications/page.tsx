import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { requireUserPage } from "@/lib/auth/session";
import { mailLocale } from "@/lib/mail/format";
import { listNotifications } from "@/lib/notifications/service";
import { parsePage } from "@/lib/paging";
import { MarkAllRead, MarkOneRead, OpenNotification } from "./_components/notification-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.page");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUserPage("/notifications");
  const page = parsePage((await searchParams).page);
  const t = await getTranslations("notifications.page");
  // Each entry is put into words now, in the reader's language (lib/notifications/messages.ts).
  const list = await listNotifications(user.id, page, mailLocale(await getLocale()));
  const unreadHere = list.rows.some((n) => !n.readAt);
  return (
    <ClientMessages namespaces={["notifications"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader title={t("title")} description={t("description")} />
        <Card className="p-5 sm:p-6">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h2 id="notifications-heading" tabIndex={-1} className="font-semibold outline-none">
              {list.total === 0 ? t("empty") : t("yours")}
            </h2>
            {unreadHere && <MarkAllRead />}
          </div>
          {list.total === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {t("emptyBody")} <Link href="/account#notification-preferences" className="text-brand-700 underline dark:text-brand-100">{t("preferences")}</Link>
            </p>
          ) : (
            <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-labelledby="notifications-heading">
              {list.rows.map((n) => (
                <li key={n.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between" data-testid="notification">
                  <div className="min-w-0">
                    <p className="flex items-center gap-2">
                      {!n.readAt && (
                        <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white">
                          {t("unread")}
                        </span>
                      )}
                      <OpenNotification id={n.id} href={n.link} unread={!n.readAt}>
                        {n.title}
                      </OpenNotification>
                    </p>
                    <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300">{n.body}</p>
                    <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                      <Time value={n.createdAt} />
                    </p>
                  </div>
                  {!n.readAt && (
                    <div className="shrink-0">
                      <MarkOneRead id={n.id} title={n.title} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Pager page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={(p) => `/notifications?page=${p}`} noun={t("noun")} label={t("pages")} />
        </Card>
      </div>
    </ClientMessages>
  );
}
