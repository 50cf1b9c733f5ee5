// A TCP proxy in front of the real RGW for the desktop e2e: it slows the upload direction to a
// given rate (a slow uplink, so a test can switch tabs while an upload really runs) and can cut
// every connection and refuse new ones (the server lost mid-upload), then answer again. Bytes
// pass unchanged, so signatures made for the proxy's host:port are what RGW checks.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ThrottledProxy {
  /** http://127.0.0.1:<port>, to use as a profile's endpoint. */
  endpoint: string;
  /** Drops every open connection and refuses new ones until resume(). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startThrottledProxy(target: string, bytesPerSecond: number): Promise<ThrottledProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const onClient = (client: Socket) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.pipe(client);
    // Upload direction: each chunk waits as long as the rate says before it goes on.
    client.on('data', (chunk: Buffer) => {
      client.pause();
      setTimeout(
        () => {
          if (!upstream.destroyed) upstream.write(chunk);
          client.resume();
        },
        Math.ceil((chunk.length / bytesPerSecond) * 1000),
      );
    });
  };
  let server: Server = createServer(onClient);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const proxyPort = (server.address() as AddressInfo).port;
  const closeServer = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      server.close(() => r());
    });
  return {
    endpoint: `http://127.0.0.1:${proxyPort}`,
    cut: closeServer,
    resume: async () => {
      server = createServer(onClient);
      await new Promise<void>((r) => server.listen(proxyPort, '127.0.0.1', r));
    },
    close: closeServer,
  };
}
