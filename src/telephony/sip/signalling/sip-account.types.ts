/**
 * The types of a SIP account, apart from the account itself so that its channels (sip-channel.ts) can
 * name what they use of it (`ChannelHost`) without importing the account: imports run account → channel.
 */
import type { Session, SessionDescriptionHandlerFactory, UserAgent } from 'sip.js';
import type { CallMedia } from '../sip-media';
import type { Timers } from '../../transport';
import type { LineStatus } from '../../line';
import type { SipJs } from './sipjs-loader';

/** What the media side gives signalling (src/telephony/sip/media): sip.js's handler factory, and a call's media. */
export type SipMediaSide = {
  factory: SessionDescriptionHandlerFactory;
  /** The established call's media, from its session's description handler; null when it has none (yet). */
  callMedia(session: Session): CallMedia | null;
  /** Why an incoming offer cannot be answered (no common codec): the INVITE gets 488 with it; null when it can. */
  refuse?(offer: string): string | null;
};

export type SipAccountOptions = {
  /** The line id of the account; channel n is `${id}/${n}`. */
  id: string;
  /** host or host:port of the registrar (the PBX). */
  server: string;
  user: string;
  password: string;
  /** When the PBX's authentication name differs from the user (the extension). */
  authUser?: string;
  displayName?: string;
  transport: 'udp' | 'tcp' | 'ws' | 'wss';
  /** host:port every request is sent to instead of the server (udp/tcp), or the WebSocket URL's host (ws). */
  outboundProxy?: string;
  /** Simultaneous calls: the number of channels. */
  channels: number;
  /** The address to bind to; by default the system's address toward the server. */
  localAddress?: string;
  media: SipMediaSide;
  registerExpiresS?: number;
  keepaliveMs?: number;
  /** A REGISTER with no final answer after this long counts as the server not answering. */
  requestTimeoutMs?: number;
  maxBackoffMs?: number;
  /** A `ring` event this often while an incoming call rings. */
  ringIntervalMs?: number;
  /**
   * Incoming calls get 183 Session Progress with our SDP instead of 180 Ringing, so `play()` reaches the
   * caller before `answer()` (an announcement or the IVR's greeting before the call is answered). Off by default.
   */
  earlyMedia?: boolean;
  /** An outgoing call not answered in this long is cancelled ('no-answer'). */
  noAnswerMs?: number;
  timers?: Timers;
};

export type AccountState = { status: Extract<LineStatus, 'initialising' | 'idle' | 'disconnected' | 'closed'>; detail: string | null };

/** What a channel uses of its account (SipAccount implements it). */
export type ChannelHost = {
  readonly opts: SipAccountOptions;
  readonly domain: string;
  accountState(): AccountState;
  start(): Promise<void>;
  userAgent(): UserAgent | null;
  sipJs(): SipJs | null;
  channelClosed(): Promise<void>;
};
