// The privacy notice and the terms of use: one readable column, public.
export default function LegalLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl px-4 py-10 focus:outline-none sm:py-14">
      <article className="legal-text text-[15px] leading-7 text-zinc-700 dark:text-zinc-300">{children}</article>
    </main>
  );
}
