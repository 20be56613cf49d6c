"use client";

// Shown only when the root layout itself fails, in place of Next's built-in page (whose
// inline <style> the CSP refuses). No stylesheet is guaranteed here, so it is plain HTML, and
// in English: the layout that failed is what would have chosen the language.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Something went wrong</h1>
          <p>The COPA Developer Portal could not show this page just now. Nothing was changed; please try again.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
