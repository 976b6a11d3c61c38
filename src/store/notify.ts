// PostgreSQL LISTEN/NOTIFY: a message bus between processes that share a database, with no extra service. Used by
// the page cache's purge channel (src/cache/purge-channel.ts); what the messages mean is the caller's business.
import pg from 'pg';

export interface NotifyChannel {
  /** Sends a payload (at most about 8000 bytes, PostgreSQL's limit) to every listener, this one included. */
  send(payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface NotifyHandlers {
  message(payload: string): void;
  /** After a lost connection is reopened: messages sent meanwhile were missed. */
  reconnected(): void;
  log(msg: string): void;
}

/**
 * Listens on `channel` on a connection of its own (a pooled one cannot LISTEN). A lost connection is reopened
 * after a second, and `reconnected` is called once it is.
 */
export function postgresNotifyChannel(url: string, channel: string, on: NotifyHandlers): NotifyChannel {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  let client: pg.Client | undefined;
  let closed = false;
  let connected: Promise<void>;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload) on.message(n.payload);
    });
    c.on('error', (err) => on.log(`notify channel ${channel} lost its connection: ${err.message}`));
    c.on('end', () => {
      if (closed) return;
      setTimeout(() => {
        connected = connect().then(
          () => on.reconnected(),
          () => undefined,
        );
      }, 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
  };
  connected = connect();
  return {
    async send(payload) {
      await connected;
      await client?.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closed = true;
      await connected.catch(() => undefined);
      await client?.end().catch(() => undefined);
    },
  };
}
