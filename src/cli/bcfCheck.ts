/**
 * The `bcf-check` command as a process: output that survives its reader going away, and an exit
 * code set from the findings. Built to dist/cli/bcf-check.js (webpack, target node) so the
 * installed command needs nothing but Node; bin/bcf-check.js loads it.
 */
import { Output, main } from "./main";

/**
 * When the reader of stdout or stderr closes early (`bcf-check plan.xlsx | head -1`), writes fail
 * with EPIPE. That is not a failure of the checks: stop writing, keep quiet, and still exit with
 * the code the findings warrant.
 */
function pipeSafeOutput(): Output {
  const closed = { out: false, err: false };
  const watch = (stream: NodeJS.WriteStream, key: keyof typeof closed) => {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") {
        closed[key] = true;
        return;
      }
      throw e;
    });
  };
  watch(process.stdout, "out");
  watch(process.stderr, "err");
  const write = (stream: NodeJS.WriteStream, key: keyof typeof closed, text: string) => {
    if (closed[key]) return;
    try {
      stream.write(`${text}\n`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EPIPE") throw e;
      closed[key] = true;
    }
  };
  return {
    out: (t) => write(process.stdout, "out", t),
    err: (t) => write(process.stderr, "err", t),
  };
}

export async function runCli(argv: string[]): Promise<void> {
  const io = pipeSafeOutput();
  try {
    process.exitCode = await main(argv, io);
  } catch (e) {
    io.err(`bcf-check: ${(e as Error)?.message ?? String(e)}`);
    process.exitCode = 2;
  }
}
