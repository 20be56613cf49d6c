// A QR code as an inline SVG element rendered on the server: no image request, no data:
// URL and no script, so it needs nothing from the Content-Security-Policy. Dark modules
// on a white square in both themes, with the quiet zone scanners need.
import QRCode from "qrcode";

export function QrCode({ value, label, size = 192 }: { value: string; label: string; size?: number }) {
  const qr = QRCode.create(value, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const quiet = 4;
  let d = "";
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (qr.modules.get(y, x)) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }
  }
  const dim = n + quiet * 2;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${dim} ${dim}`} width={size} height={size} shapeRendering="crispEdges" className="rounded-md border border-zinc-200 dark:border-zinc-700">
      <rect width={dim} height={dim} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
