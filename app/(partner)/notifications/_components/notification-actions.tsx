"use client";

// The two small interactive parts of /notifications: opening an entry (marks it read,
// then follows its link) and "Mark all as read". The list itself is server-rendered.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction, markNotificationReadAction } from "../actions";

export function OpenNotification({ id, href, unread, children }: { id: string; href: string; unread: boolean; children: React.ReactNode }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <Link
      href={href}
      className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
      onClick={(event) => {
        if (!unread || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        startTransition(async () => {
          await markNotificationReadAction({ notificationId: id });
          router.push(href);
        });
      }}
    >
      {children}
    </Link>
  );
}

export function MarkOneRead({ id, title }: { id: string; title: string }) {
  const t = useTranslations("notifications.page");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await markNotificationReadAction({ notificationId: id });
          router.refresh();
          // The button disappears with the refresh: keep focus on the list's heading.
          document.getElementById("notifications-heading")?.focus();
        })
      }
    >
      {t("markRead")}<span className="sr-only">: {title}</span>
    </Button>
  );
}

export function MarkAllRead() {
  const t = useTranslations("notifications.page");
  const router = useRouter();
  const status = useRef<HTMLParagraphElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await markAllNotificationsReadAction({});
            setMessage(result.ok ? t("marked", { count: result.data.marked }) : result.error);
            router.refresh();
            status.current?.focus();
          })
        }
      >
        {t("markAll")}
      </Button>
      <p ref={status} tabIndex={-1} role="status" className="text-sm text-zinc-600 outline-none dark:text-zinc-400">
        {message}
      </p>
    </div>
  );
}
