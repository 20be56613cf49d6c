// Runs in the browser before any application code. zod 4 compiles object parsers with
// `new Function` unless told not to, and probes for it first; under the portal's CSP (no
// 'unsafe-eval', see lib/security/headers.ts) that probe is refused and reported as a
// violation. Parsing without the compiled fast path is the same parsing, a little slower.
// It must run before any schema is built, hence here and not in a component.
import { z } from "zod";

z.config({ jitless: true });
