import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";

// Sign-in and sign-up: one narrow, centred column. The pages decide for themselves
// whether a signed-in visitor should be sent on. Their forms speak the auth namespace.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("auth.layout");
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-20">
      <ClientMessages namespaces={["auth"]}>{children}</ClientMessages>
      <p className="mt-8 text-center text-xs text-zinc-500 dark:text-zinc-400">
        {t.rich("docsNote", {
          link: (chunks) => (
            <Link href="/docs" className="underline hover:text-zinc-800 dark:hover:text-zinc-200">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </main>
  );
}
