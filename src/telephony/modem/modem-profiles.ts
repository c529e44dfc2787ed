/**
 * Chipset quirks as data (reference §6): the driver reads a profile and never branches on a chipset's
 * name. A profile is chosen by matching what ATI0/ATI3/+FMI/+FMM printed; 'generic-v253' is the
 * fallback for any modem that answers the V.253 commands.
 */
export type ModemProfile = {
  id: string;
  label: string;
  /** Tested against the identity text (ATI0, ATI3, +FMI, +FMM joined by newlines). */
  match: RegExp | null;
  /** Sent after the reset (echo off, verbose results, no auto-answer). */
  init: string[];
  /** Caller-ID enable commands to try in order, per mode. */
  callerId: { formatted: string[]; unformatted: string[]; off: string[] };
  /** Silence detection for recording: +VSD sensitivity (Conexant 0 = the method's own, USR 128 = −40 dBm). */
  silenceSensitivity: number;
  /** Whether +IFC is accepted (some Conexant USB firmware refuses it: vgetty's forceV253subset). */
  flowControl: string | null;
  /** Going off hook with a call and back. */
  offHook: string[];
  onHook: string[];
  /** USR modems report dial tone (<DLE>d) spuriously while playing or recording. */
  spuriousDialTone: boolean;
  /** An AT sent this often while idle must answer OK, else the modem is treated as gone. */
  watchdogMs: number;
};

const base = {
  init: ['ATE0V1Q0', 'ATS0=0'],
  callerId: { formatted: ['AT+VCID=1', 'AT#CID=1'], unformatted: ['AT+VCID=2', 'AT#CID=2'], off: ['AT+VCID=0'] },
  silenceSensitivity: 128,
  flowControl: null,
  offHook: ['AT+FCLASS=8', 'AT+VLS=1'],
  onHook: ['AT+VLS=0', 'AT+FCLASS=0'],
  spuriousDialTone: false,
  watchdogMs: 15_000,
} satisfies Partial<ModemProfile>;

export const MODEM_PROFILES: ModemProfile[] = [
  {
    ...base,
    id: 'conexant',
    label: 'Conexant (Zoom 3095, CX93001, CX9302x)',
    match: /CX930|CONEXANT|ZOOM|RC56|HCF/i,
    silenceSensitivity: 0,
    // NCID's alternative: Conexant USB modems take caller ID with or without -STE=1.
    callerId: { formatted: ['AT+VCID=1', 'AT-STE=1;+VCID=1'], unformatted: ['AT+VCID=2'], off: ['AT+VCID=0'] },
  },
  {
    ...base,
    id: 'usr-5637',
    label: 'U.S. Robotics 5637 / 5633',
    match: /USR ?56|U\.S\. ?ROBOTICS|\b5601\b/i,
    callerId: { formatted: ['AT+VCID=1', 'AT#CID=1'], unformatted: ['AT+VCID=2', 'AT#CID=2'], off: ['AT+VCID=0'] },
    spuriousDialTone: true,
  },
  { ...base, id: 'agere', label: 'Agere / LSI / Lucent', match: /AGERE|LUCENT|LSI|SV92/i },
  { ...base, id: 'silabs', label: 'Silicon Labs (Si2493, Si3054)', match: /SILICON ?LABS|SI24|SI30/i },
  { ...base, id: 'generic-v253', label: 'V.253 voice modem', match: null },
];

export function profileFor(identityText: string): ModemProfile {
  return MODEM_PROFILES.find((p) => p.match?.test(identityText)) ?? MODEM_PROFILES[MODEM_PROFILES.length - 1]!;
}

export function profileById(id: string): ModemProfile | undefined {
  return MODEM_PROFILES.find((p) => p.id === id);
}
