// Runs in the browser before any application code. zod 4 compiles object parsers with
// `new Function` unless told not to, and probes for it first; under the portal's CSP (no
// 'unsafe-eval', see lib/security/headers.ts) that probe is refused and reported as a
// violation. Parsing without the compiled fast path is the same parsing, a little slower.
// It must run before any schema is built, hence here and not in a component.
// From zod's core, not "zod": this file is in every page's first load, and the full
// package would add about 30 kB (gzip) to pages that build no schema at all; the setting
// lives in one global both share.
import { config } from "zod/v4/core";

config({ jitless: true });
