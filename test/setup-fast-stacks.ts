/**
 * Test-speed setup (jest `setupFiles`): cdktf records a full stack trace for every token it creates
 * (`creationStack`, only ever printed when a token fails to resolve). Under Jest each of those traces is
 * formatted through Jest's source-map support, frame by frame: about a third of the CPU time of a
 * stack-synthesizing test file (see docs/performance.md). Tests assert on synthesized JSON, not on these
 * traces, so they are skipped here. `CDKTF_CREATION_STACKS=1 npx jest ...` restores them when debugging
 * a "Resolution error".
 */
import * as stackTrace from "cdktf/lib/tokens/private/stack-trace";

if (process.env.CDKTF_CREATION_STACKS !== "1") {
  (stackTrace as { captureStackTrace: (below?: unknown) => string[] }).captureStackTrace = () => [];
}
