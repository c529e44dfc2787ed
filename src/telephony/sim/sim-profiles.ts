import type { SimParamSpec } from './sim-params';

/**
 * The devices the simulator can be, as data. Identity strings and +VSM=? lists marked (ref) are the
 * ones recorded in shared/reference/voice-modems.md; the others are plausible for the chipset and
 * only need to look like the family to the driver's profile matcher.
 */
export type SimProfile = {
  id: SimProfileId;
  label: string;
  /** ATI0..ATI9 answers (missing = just OK, like the captures' ATI9). */
  ati: Partial<Record<number, string>>;
  fmi: string;
  fmm: string;
  fmr: string;
  fclasses: string;
  vsm: string[];
  vls: string[];
  /** Result of ATA / AT+VLS=1 in voice class, and of ATD when the far end answers in voice class. */
  voiceAnswer: 'OK' | 'VCON';
  dialConnect: 'OK' | 'VCON';
  /** How formatted caller ID is printed: `NMBR = x` (Rockwell/Conexant) or `NMBR=x` (USR). */
  cidSpaces: boolean;
  /** Caller-ID enable command family the firmware understands. */
  cidCommands: ('+VCID' | '#CID')[];
  /** Silicon Labs echoes <DLE><ETX> before OK at the end of +VTX. */
  echoesEtx: boolean;
  /** DTMF reported as <DLE>/<DLE>5<DLE>5…<DLE>~ while the key is held, or a single <DLE>5. */
  dtmfShielded: boolean;
  /**
   * Numeric voice parameters with the range the firmware accepts (`AT+X=?` prints it; a value outside
   * it is ERROR). Only +VSD, +VTD and +VRN change what the simulator does; the rest are remembered.
   */
  params: Record<string, SimParamSpec>;
  /**
   * Pre-V.253 Rockwell/USR voice commands the firmware still understands (`#CLS` is +FCLASS under
   * another name, `#VLS` is accepted). A V.253-only chip answers ERROR to them, which is what makes
   * vgetty's Rockwell driver fail on a Conexant that says `56000` to ATI.
   */
  legacyCommands: ('#CLS' | '#VLS')[];
  /** Caller ID is switched off by a change to a fax class (USR: mgetty's post-init-chat, reference §6 quirk 2). */
  faxClassForgetsCid: boolean;
};

export type SimProfileId = 'conexant' | 'usr-5637' | 'agere' | 'silabs' | 'class20-only';

const CONEXANT_VSM = [
  '0,"SIGNED PCM",8,0,8000,0,0',
  '1,"UNSIGNED PCM",8,0,8000,0,0',
  '129,"IMA ADPCM",4,0,8000,0,0',
  '130,"UNSIGNED PCM",8,0,8000,0,0',
  '131,"Mu-Law",8,0,8000,0,0',
  '132,"A-Law",8,0,8000,0,0',
  '133,"14 bit PCM",14,0,8000,0,0',
]; // (ref) CX93001 from an ncidd log

const V253_VLS = [
  '0,"",B0804100,B0804100,B0804100',
  '1,"T",0B8433C1,0FE431C1,0B8431C1',
  '2,"L",08800300,0CE00100,08800100',
  '3,"LT",0B8433C1,0FE431C1,0B8431C1',
  '14,"H",00800300,04E00100,20800100',
]; // (ref) Conexant 100722A / Multi-Tech: labels 0, 1, 2 and 14 as printed. Label 3 ("LT": modem and the
// phone on its PHONE socket both on the line) is in the same documents' label table; its event masks
// here are label 1's, not recorded from a device.

/** V.253's parameters where no firmware document says otherwise: the full 0-255 range of each value. */
const V253_PARAMS: Record<string, SimParamSpec> = {
  '+VGT': { range: '(0-255)', initial: '128' },
  '+VGR': { range: '(0-255)', initial: '128' },
  '+VIT': { range: '(0-255)', initial: '0' },
  '+VNH': { range: '(0-2)', initial: '0' },
  '+VRA': { range: '(0-255)', initial: '50' },
  '+VRN': { range: '(0-255)', initial: '10' },
  '+VTD': { range: '(0-255)', initial: '100' },
  '+VSD': { range: '(0-255),(0-255)', initial: '128,50' },
  '+VDR': { range: '(0,1),(0-255)', initial: '0,0' },
};

export const SIM_PROFILES: Record<SimProfileId, SimProfile> = {
  conexant: {
    id: 'conexant',
    label: 'Conexant CX93001 (Zoom 3095 class) USB voice modem',
    ati: { 0: '56000', 3: 'CX93001-EIS_V0.2013-V92' }, // (ref) ATI0 of a Zoom 3095, ATI3 of a CX93001
    fmi: 'CONEXANT',
    fmm: 'CX93001-EIS_V0.2013-V92',
    fmr: 'V0.2013',
    fclasses: '0,1,1.0,2,8',
    vsm: CONEXANT_VSM,
    vls: V253_VLS,
    voiceAnswer: 'OK',
    dialConnect: 'OK',
    cidSpaces: true,
    cidCommands: ['+VCID'],
    echoesEtx: false,
    dtmfShielded: true,
    params: {
      ...V253_PARAMS,
      '+VSD': { range: '(0,127,128,129),(0-255)', initial: '128,50' }, // (ref) Conexant H08-15350 §5.2.2.12
      '+VDR': { range: '(0,1),(0-6)', initial: '0,0' }, // (ref) Conexant +VDR
    },
    // (ref) vm.log of a TRENDnet TFM-561U (CX93010, cgk.sh): ERROR to #VSP, #TL, #RG, #VSD, #VTD, #VSS,
    // and the time-outs after #CLS? that an ERROR there causes.
    legacyCommands: [],
    faxClassForgetsCid: false,
  },
  'usr-5637': {
    id: 'usr-5637',
    label: 'U.S. Robotics 5637 USB faxmodem',
    ati: { 0: '5601', 3: 'U.S. Robotics 56K FAX USB V1.2.23' },
    fmi: 'U.S. Robotics',
    fmm: 'USR5637',
    fmr: '1.2.23',
    fclasses: '0,1,2.0,8',
    vsm: [
      '128,"8-BIT LINEAR",(7200,8000,11025)',
      '129,"16-BIT LINEAR",(7200,8000,11025)',
      '130,"8-BIT ALAW",(8000)',
      '131,"8-BIT ULAW",(8000)',
      '132,"IMA ADPCM",(7200,8000,11025)',
    ], // (ref) firmware 1.2.23
    vls: V253_VLS,
    voiceAnswer: 'OK',
    dialConnect: 'OK',
    cidSpaces: false, // (ref) "DATE=1203" on a USR5637 in the UK
    cidCommands: ['+VCID', '#CID'],
    echoesEtx: false,
    dtmfShielded: false,
    params: V253_PARAMS,
    legacyCommands: ['#CLS', '#VLS'],
    faxClassForgetsCid: true, // (ref) USR modems forget #CID=1 when switching fax/data modes
  },
  agere: {
    id: 'agere',
    label: 'Agere/LSI SV92 voice modem',
    ati: { 0: '56000', 3: 'Agere SoftModem Version 2.1.80' },
    fmi: 'Agere Systems',
    fmm: 'SV92P',
    fmr: '2.1.80',
    fclasses: '0,1,2,8',
    vsm: ['1,"UNSIGNED PCM",8,0,(7200,8000,11025),0,0', '4,"G.711U",8,0,8000,0,0', '5,"G.711A",8,0,8000,0,0', '129,"IMA ADPCM",4,0,(7200,8000),0,0'],
    vls: V253_VLS,
    voiceAnswer: 'VCON',
    dialConnect: 'VCON',
    cidSpaces: true,
    cidCommands: ['+VCID'],
    echoesEtx: false,
    dtmfShielded: true,
    params: V253_PARAMS,
    legacyCommands: ['#CLS', '#VLS'],
    faxClassForgetsCid: false,
  },
  silabs: {
    id: 'silabs',
    label: 'Silicon Labs Si2493 voice modem',
    ati: { 0: 'Si2493', 3: 'Silicon Labs Si2493 Voice Modem Rev C' },
    fmi: 'Silicon Labs',
    fmm: 'Si2493',
    fmr: 'Rev C',
    fclasses: '0,1,8',
    vsm: ['0,"SIGNED PCM",8,0,8000,0,0', '1,"UNSIGNED PCM",8,0,8000,0,0', '4,"ULAW",8,0,8000,0,0', '5,"ALAW",8,0,8000,0,0'],
    vls: V253_VLS,
    voiceAnswer: 'OK',
    dialConnect: 'OK',
    cidSpaces: true,
    cidCommands: ['+VCID'],
    echoesEtx: true, // (ref) Si AN93
    dtmfShielded: true,
    params: V253_PARAMS,
    legacyCommands: ['#CLS', '#VLS'],
    faxClassForgetsCid: false,
  },
  'class20-only': {
    // A modem that faxes in Class 2.0 only (T.32: it runs T.30 itself), so the Class 2.0 path is tried
    // without one. The reference records no such device by name (every modem it names has Class 1 as
    // well); the voice side is the Conexant's, the identity says what it is.
    id: 'class20-only',
    label: 'Voice modem with fax Class 2.0 only (simulated)',
    ati: { 0: '56000', 3: 'SIM-T32 Class 2.0 fax/voice modem' },
    fmi: 'SIMULATED',
    fmm: 'SIM-T32',
    fmr: '1.0',
    fclasses: '0,2.0,8',
    vsm: CONEXANT_VSM,
    vls: V253_VLS,
    voiceAnswer: 'OK',
    dialConnect: 'OK',
    cidSpaces: true,
    cidCommands: ['+VCID'],
    echoesEtx: false,
    dtmfShielded: true,
    params: V253_PARAMS,
    legacyCommands: [],
    faxClassForgetsCid: false,
  },
};

export const SIM_PROFILE_IDS = Object.keys(SIM_PROFILES) as SimProfileId[];
