// The partner area's frame. Layouts are not an authorization boundary (they do not
// re-render on every navigation): each page calls requirePartnerPage / requireUserPage,
// and each action goes through partnerAction.
export default function PartnerLayout({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-10">{children}</main>;
}
