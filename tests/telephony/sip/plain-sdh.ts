/**
 * The plainest sip.js SessionDescriptionHandler the reference describes (shared/reference/sip-e2e.md):
 * it offers and answers RTP/AVP PCMU/PCMA + telephone-event on a UDP socket of its own and counts what
 * arrives there. For the signalling tests only — the product's media is src/telephony/sip/media.
 */
import dgram from 'node:dgram';
import type { SessionDescriptionHandler, SessionDescriptionHandlerFactory } from 'sip.js';
import type { SipMediaSide } from '../../../src/telephony/sip/signalling/sip-account';

export class PlainSdh implements SessionDescriptionHandler {
  private sock: dgram.Socket | null = null;
  remote: string | null = null;
  packets = 0;

  /** Without telephone-event the far end must send keys as SIP INFO (an older PBX or ATA). */
  constructor(private readonly telephoneEvent = true) {}

  private async port(): Promise<number> {
    if (!this.sock) {
      const s = dgram.createSocket('udp4');
      this.sock = s;
      s.on('message', () => this.packets++);
      await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
    }
    return this.sock.address().port;
  }

  async getDescription(): Promise<{ body: string; contentType: string }> {
    const port = await this.port();
    const id = Date.now() % 1e9;
    const body = [
      'v=0',
      `o=monshi ${id} ${id} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${port} RTP/AVP 0 8${this.telephoneEvent ? ' 101' : ''}`,
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:8 PCMA/8000',
      ...(this.telephoneEvent ? ['a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-15'] : []),
      'a=ptime:20',
      'a=sendrecv',
      '',
    ].join('\r\n');
    return { body, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    this.remote = sdp;
  }

  sendDtmf(): boolean {
    return false;
  }

  close(): void {
    this.sock?.close();
    this.sock = null;
  }
}

export function plainMedia(opts: { telephoneEvent?: boolean } = {}): SipMediaSide & { handlers: PlainSdh[] } {
  const handlers: PlainSdh[] = [];
  const factory: SessionDescriptionHandlerFactory = () => {
    const h = new PlainSdh(opts.telephoneEvent ?? true);
    handlers.push(h);
    return h;
  };
  return { factory, callMedia: () => null, handlers };
}
