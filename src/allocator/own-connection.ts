import net from 'node:net';

/** What became of a connection to a port where one of our servers listens. */
export type OwnConnection =
  { outcome: 'ours'; client: net.Socket; accepted: net.Socket } | { outcome: 'refused'; code: string } | { outcome: 'elsewhere' };

/**
 * Connects to `host`:`port`, where `server` (ours; or several of ours on that port, such
 * as macOS's `0.0.0.0` and dual-stack `::` listeners, where the kernel decides which one
 * a connection reaches) listens, and resolves with the socket one of them accepted for
 * that connection; both stay open for the caller.
 * 'elsewhere': the connection succeeded but nothing of ours arrived within
 * `waitMs` (another program listens on that address). 'refused': the connection
 * failed, with its error code: ECONNREFUSED when nobody listens there, EADDRNOTAVAIL
 * when no source port is left.
 *
 * The client's port is known only after its 'connect' event, and whether that or
 * the server's 'connection' comes first varies with the platform's poller, so the
 * accepted sockets wait until both are in. Sockets of other clients are closed.
 */
export function connectToOwn(
  server: net.Server | readonly net.Server[],
  host: string,
  port: number,
  waitMs: number,
): Promise<OwnConnection> {
  const servers = Array.isArray(server) ? server : [server as net.Server];
  return new Promise((resolve) => {
    const accepted: net.Socket[] = [];
    let clientPort: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (result: OwnConnection) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const own of servers) own.off('connection', onConnection);
      for (const stranger of accepted.splice(0)) stranger.destroy();
      resolve(result);
    };
    const match = () => {
      if (clientPort === undefined) return;
      const i = accepted.findIndex((socket) => socket.remotePort === clientPort);
      if (i >= 0) finish({ outcome: 'ours', client, accepted: accepted.splice(i, 1)[0] });
    };
    const onConnection = (socket: net.Socket) => {
      accepted.push(socket);
      match();
    };
    for (const own of servers) own.on('connection', onConnection);
    const client = net.connect({ host, port });
    client.once('connect', () => {
      clientPort = client.localPort;
      match();
      if (done) return;
      timer = setTimeout(
        () =>
          afterPendingIO(() => {
            if (done) return;
            client.destroy();
            finish({ outcome: 'elsewhere' });
          }),
        waitMs,
      );
    });
    client.once('error', (error: NodeJS.ErrnoException) => {
      client.destroy();
      finish({ outcome: 'refused', code: error.code ?? error.message });
    });
  });
}

/**
 * Runs `decide` once the I/O already waiting has been handled. After a stall (a loaded
 * host, a long GC), the event loop runs expired timers before it polls for I/O, so a
 * time-out would otherwise win over the very connection or datagram it waits for, which
 * has arrived meanwhile. setImmediate callbacks run after the next poll (Node's event
 * loop: timers, poll, check).
 */
export function afterPendingIO(decide: () => void): void {
  setImmediate(decide);
}
