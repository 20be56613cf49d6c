import { LinkButton } from "@/components/ui/link-button";

// What a partner sees for a request or key id that is not theirs, or not anyone's. The
// two cases look the same on purpose: another organisation's ids must reveal nothing.
export default function PartnerNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Nothing here</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This request or key does not exist, or it is not part of your organisation. Check the link, or find it in your lists.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <LinkButton href="/keys">API keys</LinkButton>
        <LinkButton href="/requests" variant="secondary">
          Requests
        </LinkButton>
      </div>
    </div>
  );
}
