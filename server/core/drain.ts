import type http from 'node:http';
import net, { type Socket } from 'node:net';

/** How long the hub still accepts connections once stopping began, so that requests already sent are read. */
const IDLE_GRACE_MS = 300;

/**
 * Graceful stop of an HTTP server: no new connections, every request that reached the hub is answered and
 * its response written completely, idle keep-alive connections are closed, and only after `graceMs` is
 * anything cut off. Unlike closing idle connections at once, it gives a request whose bytes are still unread
 * (the event loop was busy) the time to be read, so a request already sent is never dropped unanswered.
 */
export class HttpDrain {
  private readonly inFlight = new Map<Socket, number>();
  private stopping: Promise<void> | undefined;

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: Socket) => {
      this.inFlight.set(socket, 0);
      socket.once('close', () => this.inFlight.delete(socket));
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const socket = req.socket;
      this.inFlight.set(socket, (this.inFlight.get(socket) ?? 0) + 1);
      if (this.stopping) res.setHeader('connection', 'close');
      res.once('close', () => {
        const left = (this.inFlight.get(socket) ?? 1) - 1;
        this.inFlight.set(socket, left);
        if (this.stopping && left === 0) socket.end();
      });
    });
  }

  /** Whether the server is stopping (health checks say so). */
  get draining(): boolean {
    return this.stopping !== undefined;
  }

  stop(graceMs = 30_000): Promise<void> {
    this.stopping ??= (async () => {
      let listening = true;
      const closed = new Promise<void>((resolve) => {
        // Connections the kernel completed but the hub has not accepted yet would be reset by closing the
        // listener at once: it stays open for one grace period, answering with "connection: close".
        // After the timer, setImmediate runs past a poll phase, which accepts what the kernel holds.
        setTimeout(
          () =>
            setImmediate(() => {
              listening = false;
              // http.Server#close would also drop connections whose request is not parsed yet: stop listening only.
              net.Server.prototype.close.call(this.server, () => resolve());
            }),
          IDLE_GRACE_MS,
        );
      });
      let timer: NodeJS.Timeout | undefined;
      const cutOff = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          for (const socket of this.inFlight.keys()) socket.destroy();
          resolve();
        }, graceMs);
      });
      // A connection without a request is closed once it has received nothing for a whole grace period: a
      // request whose bytes are still unread (the event loop was busy) shows as bytes read by the next sweep.
      const bytesSeen = new Map<Socket, number>();
      let done = false;
      void Promise.race([closed, cutOff]).then(() => (done = true));
      while (!done || listening) {
        for (const [socket, requests] of this.inFlight) {
          if (requests > 0 || socket.writableEnded) continue;
          if (bytesSeen.get(socket) === socket.bytesRead) socket.end();
          else bytesSeen.set(socket, socket.bytesRead);
        }
        if (done) break;
        // A timer fires before the poll phase that accepts and reads; setImmediate runs after it.
        await new Promise((resolve) => setTimeout(resolve, IDLE_GRACE_MS));
        await new Promise((resolve) => setImmediate(resolve));
      }
      clearTimeout(timer);
      await closed;
    })();
    return this.stopping;
  }
}
