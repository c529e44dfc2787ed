/**
 * T.30 facsimile control fields (FCF) as the octets a Class 1 modem takes and gives (T.31 +FTH/+FRH).
 * T.30 writes each FCF in the order its bits go on the line, and an HDLC octet goes least significant bit
 * first: so the DTE octet is T.30's bit string read right to left (T.30 DIS "0000 0001" is 0x80). The
 * first bit on the line, T.30's X, is therefore bit 0 (0x01): the station that received a valid DIS sets
 * it in every frame it sends (T.30 §5.3.6.1), and a receiver ignores it when it compares FCFs.
 */
export const FCF = {
  // Initial identification (the called station's) and its command-to-send-from-the-called-station twin.
  DIS: 0x80,
  CSI: 0x40,
  NSF: 0x20,
  DTC: 0x81,
  CIG: 0x41,
  NSC: 0x21,
  // Commands to send (the transmitter's).
  DCS: 0x82,
  TSI: 0x42,
  NSS: 0x22,
  // Pre-message responses.
  CFR: 0x84,
  FTT: 0x44,
  // Post-message commands: page done, more pages (MPS), new document (EOM), last page (EOP).
  MPS: 0x4e,
  EOM: 0x8e,
  EOP: 0x2e,
  PRI_MPS: 0x5e,
  PRI_EOM: 0x9e,
  PRI_EOP: 0x3e,
  // Post-message responses: confirmed (MCF), retrain positive (RTP) or negative (RTN), interrupts.
  MCF: 0x8c,
  RTP: 0xcc,
  RTN: 0x4c,
  PIP: 0xac,
  PIN: 0x2c,
  // ECM (Annex A): partial page signal / request, end of retransmission, receive not ready.
  PPS: 0xbe,
  PPR: 0xbc,
  EOR: 0xce,
  ERR: 0x1c,
  RR: 0x6e,
  RNR: 0xec,
  CTC: 0x12,
  CTR: 0xc4,
  // Other line control.
  DCN: 0xfa,
  CRP: 0x1a,
} as const;

export type FcfName = keyof typeof FCF;

/** The X bit (first on the line): set by the station that received a valid DIS. */
export const FCF_X = 0x01;

const BY_VALUE = new Map<number, FcfName>(Object.entries(FCF).map(([k, v]) => [v, k as FcfName]));

/** The name of an FCF octet with the X bit ignored, or null for one T.30 does not define. */
export function fcfName(octet: number): FcfName | null {
  // DIS/DTC, CSI/CIG … differ only in X, so look up the exact value first (DTC = DIS | X).
  return BY_VALUE.get(octet) ?? BY_VALUE.get(octet & ~FCF_X) ?? null;
}
