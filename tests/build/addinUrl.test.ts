/**
 * A production build writes BCF_ADDIN_URL into the manifest as the add-in's address; without it the
 * build stops with a plain message instead of writing a manifest that points at https://localhost:3000/.
 */
import { join } from "path";

type MakeConfig = (env: unknown, argv: { mode: string }) => Promise<unknown>;
const makeConfig = require(join(__dirname, "..", "..", "webpack.config.js")) as MakeConfig;

describe("the hosting URL of a production build", () => {
  const saved = process.env.BCF_ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.BCF_ADDIN_URL;
    else process.env.BCF_ADDIN_URL = saved;
  });

  it("is required: without it the build stops and says what to set", async () => {
    delete process.env.BCF_ADDIN_URL;
    const failure = makeConfig({}, { mode: "production" });
    await expect(failure).rejects.toThrow(/^BCF_ADDIN_URL is not set\. .*npm run build/);
    // Plain: the message alone, no stack trace to read past.
    await failure.catch((e: Error) => expect(e.stack).toBe(e.message));
  });

  it("must be https", async () => {
    process.env.BCF_ADDIN_URL = "http://intranet.example.org/bcf/";
    await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(
      'BCF_ADDIN_URL must be an https:// address, not "http://intranet.example.org/bcf/".'
    );
  });

  it("is not needed for a development build", async () => {
    delete process.env.BCF_ADDIN_URL;
    await expect(makeConfig({}, { mode: "development" })).resolves.toBeDefined();
  });
});
