import { SIP_CODECS, SIP_TRANSPORTS, type LineView, type SipCodec, type SipTransport } from '../../shared/contract/calls';
import { toAsciiDigits } from '../../shared/text/digits';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';

/** The SIP fields as typed (numbers as text in any digits); the password only when typed. */
export type SipDraft = {
  sipServer: string;
  sipUser: string;
  sipAuthUser: string;
  sipPassword: string;
  sipDisplayName: string;
  sipTransport: SipTransport;
  sipOutboundProxy: string;
  codec1: SipCodec;
  codec2: SipCodec | '';
  sipChannels: string;
  rtpPortMin: string;
  rtpPortMax: string;
};

/** A new SIP line's defaults: UDP (what office PBXs answer), PCMU then PCMA, 2 calls, RTP 10000–20000. */
export function sipDraftOf(line: LineView | null, digits: (n: number) => string): SipDraft {
  const codecs = line?.sipCodecs ?? ['PCMU', 'PCMA'];
  return {
    sipServer: line?.sipServer ?? '',
    sipUser: line?.sipUser ?? '',
    sipAuthUser: line?.sipAuthUser ?? '',
    sipPassword: '',
    sipDisplayName: line?.sipDisplayName ?? '',
    sipTransport: line?.sipTransport ?? 'udp',
    sipOutboundProxy: line?.sipOutboundProxy ?? '',
    codec1: codecs[0] ?? 'PCMU',
    codec2: codecs[1] ?? '',
    sipChannels: digits(line?.sipChannels ?? 2),
    rtpPortMin: digits(line?.rtpPortMin ?? 10000),
    rtpPortMax: digits(line?.rtpPortMax ?? 20000),
  };
}

const whole = (s: string): number | null => {
  const t = toAsciiDigits(s.trim());
  return /^\d{1,5}$/.test(t) ? Number(t) : null;
};

/** What the form sends for a SIP line (the engine checks ranges and names the field); the field of a number that is not one. */
export function sipDataOf(d: SipDraft) {
  const n = { sipChannels: whole(d.sipChannels), rtpPortMin: whole(d.rtpPortMin), rtpPortMax: whole(d.rtpPortMax) };
  const bad = (Object.keys(n) as (keyof typeof n)[]).find((k) => n[k] === null);
  if (bad) return { error: bad } as const;
  return {
    data: {
      sipServer: d.sipServer,
      sipUser: d.sipUser,
      sipAuthUser: d.sipAuthUser,
      sipDisplayName: d.sipDisplayName,
      sipTransport: d.sipTransport,
      sipOutboundProxy: d.sipOutboundProxy,
      sipCodecs: d.codec2 && d.codec2 !== d.codec1 ? [d.codec1, d.codec2] : [d.codec1],
      sipChannels: n.sipChannels!,
      rtpPortMin: n.rtpPortMin!,
      rtpPortMax: n.rtpPortMax!,
      // Left out unless typed: saving the form never clears or resends the stored password.
      ...(d.sipPassword ? { sipPassword: d.sipPassword } : {}),
    },
  } as const;
}

type Props = { draft: SipDraft; passwordSet: boolean; onChange: (patch: Partial<SipDraft>) => void; errorOf: (field: string) => string | undefined };

/** The SIP line's fields in the line form: account, transport, codecs, calls at once, RTP ports; and that it does not fax. */
export function LineSipFields({ draft, passwordSet, onChange, errorOf }: Props) {
  const { t, dir } = useLocale();
  const s = t.sipLine;
  return (
    <fieldset className="line-sip-fields" data-testid="sip-fields">
      <TextField
        name="sipServer"
        label={s.server}
        value={draft.sipServer}
        onChange={(sipServer) => onChange({ sipServer })}
        placeholder={s.serverPlaceholder}
        dir="ltr"
        hint={s.serverHint}
        error={errorOf('sipServer')}
      />
      <TextField name="sipUser" label={s.user} value={draft.sipUser} onChange={(sipUser) => onChange({ sipUser })} dir="ltr" error={errorOf('sipUser')} />
      <div className="form-field">
        <label htmlFor="line-sip-password">{s.password}</label>
        <input
          id="line-sip-password"
          className={`input${errorOf('sipPassword') ? ' invalid' : ''}`}
          type="password"
          dir="ltr"
          value={draft.sipPassword}
          placeholder={passwordSet ? s.passwordSet : ''}
          onChange={(e) => onChange({ sipPassword: e.target.value })}
          autoComplete="new-password"
          data-testid="sipPassword"
        />
        <FieldErrorText id="line-sip-password-err" message={errorOf('sipPassword')} />
        <p className="field-hint" data-testid="sip-password-state">
          {passwordSet ? s.passwordSet : s.passwordNone}. {s.passwordHint}
        </p>
      </div>
      <TextField
        name="sipAuthUser"
        label={s.authUser}
        value={draft.sipAuthUser}
        onChange={(sipAuthUser) => onChange({ sipAuthUser })}
        dir="ltr"
        hint={s.authUserHint}
        error={errorOf('sipAuthUser')}
      />
      <TextField
        name="sipDisplayName"
        label={s.displayName}
        value={draft.sipDisplayName}
        onChange={(sipDisplayName) => onChange({ sipDisplayName })}
        error={errorOf('sipDisplayName')}
      />
      <div className="form-field">
        <label htmlFor="line-sip-transport">{s.transport}</label>
        <select
          id="line-sip-transport"
          className="input"
          value={draft.sipTransport}
          onChange={(e) => onChange({ sipTransport: e.target.value as SipTransport })}
          data-testid="sipTransport"
        >
          {SIP_TRANSPORTS.map((k) => (
            <option key={k} value={k}>
              {s.transports[k]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        name="sipOutboundProxy"
        label={s.outboundProxy}
        value={draft.sipOutboundProxy}
        onChange={(sipOutboundProxy) => onChange({ sipOutboundProxy })}
        dir="ltr"
        hint={s.outboundProxyHint}
        error={errorOf('sipOutboundProxy')}
      />
      <div className="form-field">
        <span className="field-label">{s.codecs}</span>
        <div className="inline-fields">
          <select
            aria-label={s.codecFirst}
            dir="ltr"
            className="input"
            value={draft.codec1}
            onChange={(e) => onChange({ codec1: e.target.value as SipCodec })}
            data-testid="codec1"
          >
            {SIP_CODECS.map((c) => (
              <option key={c} value={c}>
                {s.codecNames[c]}
              </option>
            ))}
          </select>
          <select
            aria-label={s.codecSecond}
            dir="ltr"
            className="input"
            value={draft.codec2}
            onChange={(e) => onChange({ codec2: e.target.value as SipCodec | '' })}
            data-testid="codec2"
          >
            <option value="">{s.codecNone}</option>
            {SIP_CODECS.filter((c) => c !== draft.codec1).map((c) => (
              <option key={c} value={c}>
                {s.codecNames[c]}
              </option>
            ))}
          </select>
        </div>
        <FieldErrorText id="line-sip-codecs-err" message={errorOf('sipCodecs')} />
      </div>
      <TextField
        name="sipChannels"
        label={s.channels}
        value={draft.sipChannels}
        onChange={(sipChannels) => onChange({ sipChannels })}
        inputMode="numeric"
        dir={dir}
        hint={s.channelsHint}
        error={errorOf('sipChannels')}
      />
      <div className="form-field">
        <span className="field-label">{s.rtpRange}</span>
        <div className="inline-fields">
          <TextField
            name="rtpPortMin"
            label={s.rtpFrom}
            value={draft.rtpPortMin}
            onChange={(rtpPortMin) => onChange({ rtpPortMin })}
            inputMode="numeric"
            dir="ltr"
            error={errorOf('rtpPortMin')}
          />
          <TextField
            name="rtpPortMax"
            label={s.rtpTo}
            value={draft.rtpPortMax}
            onChange={(rtpPortMax) => onChange({ rtpPortMax })}
            inputMode="numeric"
            dir="ltr"
            error={errorOf('rtpPortMax')}
          />
        </div>
      </div>
      <p className="field-hint sip-fax-note" data-testid="sip-fax-note">
        {s.faxNote}
      </p>
    </fieldset>
  );
}
