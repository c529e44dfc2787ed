/**
 * SIP over plain UDP or TCP behind sip.js's `Transport` interface (sip.js ships only WebSocket, and most
 * office PBXs answer only UDP 5060). Every message goes to one next hop — the outbound proxy when set,
 * else the server — and what comes back is handed to sip.js as text. The UDP socket is connected to
 * that hop, so only it is heard and an ICMP "port unreachable" (the PBX is down) surfaces at once as an
 * error instead of a 32 s transaction timeout.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import type { Emitter, EmitterImpl, Transport, TransportState } from 'sip.js';
import type { SipJs } from './sipjs-loader';

export type SocketTransportOptions = {
  protocol: 'udp' | 'tcp';
  /** The next hop: the outbound proxy, or the server itself. */
  host: string;
  port: number;
  /** The address to bind to; '' lets the system pick. */
  localAddress: string;
  sip: Pick<SipJs, 'TransportState' | 'EmitterImpl'>;
  /** Each message's first line, both ways (the line's trace). */
  onTrace?: (dir: 'tx' | 'rx', text: string) => void;
  /** A socket error (ECONNREFUSED: nothing listens at the hop). */
  onError?: (err: Error) => void;
};

/** A TCP stream cut into SIP messages by their Content-Length (RFC 3261 §18.3); CRLF keep-alives skipped. */
export function sipStreamFramer(onMessage: (text: string) => void): (chunk: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      while (buf.length >= 2 && buf[0] === 0x0d && buf[1] === 0x0a) buf = buf.subarray(2);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('utf8');
      const m = /^(?:content-length|l)[ \t]*:[ \t]*(\d+)/im.exec(head);
      const total = end + 4 + (m ? Number(m[1]) : 0);
      if (buf.length < total) return;
      onMessage(buf.subarray(0, total).toString('utf8'));
      buf = buf.subarray(total);
    }
  };
}

export class SocketTransport implements Transport {
  readonly protocol: string;
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  readonly stateChange: Emitter<TransportState>;
  private readonly emitter: EmitterImpl<TransportState>;
  private st: TransportState;
  private udp: dgram.Socket | null = null;
  private tcp: net.Socket | null = null;
  /** The port we send from: the Contact's port, where the server sends requests. */
  localPort = 0;
  localIp = '';

  // sip.js constructs its transport as `new transportConstructor(logger, transportOptions)`.
  constructor(
    _logger: unknown,
    private readonly opts: SocketTransportOptions,
  ) {
    this.protocol = opts.protocol.toUpperCase();
    this.emitter = new opts.sip.EmitterImpl<TransportState>();
    this.stateChange = this.emitter;
    this.st = opts.sip.TransportState.Disconnected;
  }

  get state(): TransportState {
    return this.st;
  }

  isConnected(): boolean {
    return this.st === this.opts.sip.TransportState.Connected;
  }

  private setState(s: TransportState, err?: Error): void {
    if (s === this.st) return;
    this.st = s;
    this.emitter.emit(s);
    if (s === this.opts.sip.TransportState.Connected) this.onConnect?.();
    if (s === this.opts.sip.TransportState.Disconnected) this.onDisconnect?.(err);
  }

  async connect(): Promise<void> {
    const S = this.opts.sip.TransportState;
    if (this.st === S.Connected) return;
    this.setState(S.Connecting);
    try {
      if (this.opts.protocol === 'udp') await this.openUdp();
      else await this.openTcp();
    } catch (e) {
      this.close();
      this.setState(S.Disconnected, e instanceof Error ? e : new Error(String(e)));
      throw e;
    }
    this.setState(S.Connected);
  }

  private openUdp(): Promise<void> {
    const sock = dgram.createSocket(net.isIPv6(this.opts.host) ? 'udp6' : 'udp4');
    this.udp = sock;
    sock.on('message', (msg) => this.received(msg.toString('utf8')));
    sock.on('error', (err) => this.opts.onError?.(err));
    return new Promise((resolve, reject) => {
      sock.once('error', reject);
      sock.bind({ port: 0, address: this.opts.localAddress || undefined }, () => {
        sock.connect(this.opts.port, this.opts.host, () => {
          sock.off('error', reject);
          const a = sock.address();
          this.localPort = a.port;
          this.localIp = a.address;
          resolve();
        });
      });
    });
  }

  private openTcp(): Promise<void> {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host: this.opts.host, port: this.opts.port, localAddress: this.opts.localAddress || undefined });
      this.tcp = sock;
      sock.setNoDelay(true);
      const framer = sipStreamFramer((m) => this.received(m));
      sock.on('data', framer);
      sock.once('error', reject);
      sock.once('connect', () => {
        sock.off('error', reject);
        sock.on('error', (err) => this.opts.onError?.(err));
        this.localPort = sock.localPort ?? 0;
        this.localIp = sock.localAddress ?? '';
        resolve();
      });
      // The PBX closed the connection (restart): sip.js hears it as a disconnect.
      sock.on('close', () => {
        if (this.tcp !== sock) return;
        this.tcp = null;
        this.setState(this.opts.sip.TransportState.Disconnected, new Error('The server closed the connection.'));
      });
    });
  }

  private received(text: string): void {
    if (text.trim() === '') return; // a keep-alive
    this.opts.onTrace?.('rx', text.slice(0, text.indexOf('\r\n')));
    this.onMessage?.(text);
  }

  send(message: string): Promise<void> {
    this.opts.onTrace?.('tx', message.slice(0, message.indexOf('\r\n')));
    return new Promise((resolve, reject) => {
      if (this.udp) this.udp.send(message, (err) => (err ? reject(err) : resolve()));
      else if (this.tcp && !this.tcp.destroyed) this.tcp.write(message, (err) => (err ? reject(err) : resolve()));
      else reject(new Error('The SIP transport is not connected.'));
    });
  }

  private close(): void {
    this.udp?.close();
    this.udp = null;
    this.tcp?.destroy();
    this.tcp = null;
  }

  async disconnect(): Promise<void> {
    const S = this.opts.sip.TransportState;
    if (this.st === S.Disconnected) return;
    this.setState(S.Disconnecting);
    const t = this.tcp;
    this.tcp = null;
    this.close();
    t?.destroy();
    this.setState(S.Disconnected);
  }

  async dispose(): Promise<void> {
    await this.disconnect();
  }
}
