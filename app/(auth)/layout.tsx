import Link from "next/link";

// Sign-in and sign-up: one narrow, centred column. The pages decide for themselves
// whether a signed-in visitor should be sent on.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-20">
      {children}
      <p className="mt-8 text-center text-xs text-zinc-500 dark:text-zinc-400">
        Questions before you start? Read the <Link href="/docs" className="underline hover:text-zinc-800 dark:hover:text-zinc-200">API documentation</Link>: it is public.
      </p>
    </main>
  );
}
