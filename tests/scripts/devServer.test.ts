/**
 * The dev server's settings: this machine only, "/" leads to the pane, and a port in use is one
 * plain line before webpack starts (not an EADDRINUSE stack trace).
 */
import { createServer, Server } from "net";

jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: async () => ({ ca: "ca", cert: "cert", key: "key" }),
}));

const devServer = require("../../scripts/devServer") as {
  devServerOptions: () => Promise<{
    host: string;
    port: number;
    setupMiddlewares: (m: Array<{ path: string; middleware: Function }>) => Array<{
      path: string;
      middleware: (req: { url: string }, res: unknown, next: () => void) => void;
    }>;
  }>;
  busyPortMessage: (port: number) => Promise<string | null>;
  PORT: number;
};

function listen(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, "localhost", () => resolve(server));
  });
}

test("a port in use is explained in one line with what to do", async () => {
  const server = await listen(0);
  const port = (server.address() as { port: number }).port;
  try {
    const message = await devServer.busyPortMessage(port);
    expect(message).toBe(
      `Port ${port} on localhost is already in use (is the add-in already being served by another npm start?). Stop that one, or choose another port: BCF_PORT=${port + 1} npm start`
    );
    expect(message).not.toContain("\n");
  } finally {
    server.close();
  }
  expect(await devServer.busyPortMessage(port)).toBeNull();
});

test("serves on localhost only, and / redirects to the pane", async () => {
  const options = await devServer.devServerOptions();
  expect(options.host).toBe("localhost");
  const [first] = options.setupMiddlewares([]);
  const headers: Record<string, unknown> = {};
  let status = 0;
  const res = {
    writeHead: (code: number, h: Record<string, unknown>) => {
      status = code;
      Object.assign(headers, h);
    },
    end: () => undefined,
  };
  first.middleware({ url: "/" }, res, () => undefined);
  expect(status).toBe(302);
  expect(headers.Location).toBe("/taskpane.html");
  const next = jest.fn();
  first.middleware({ url: "/taskpane.html" }, res, next);
  expect(next).toHaveBeenCalled();
});
