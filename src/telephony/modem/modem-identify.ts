/**
 * Asks a modem who it is and what it can do (the probes NCID and vgetty run: ATI, ATI3, +FMI/+FMM/
 * +FMR, +FCLASS=?, and in voice class +VSM=? and +VLS=?), then picks the quirks profile and the voice
 * method by name. Commands a modem refuses (ERROR) just leave their field empty.
 */
import type { LineIdentity } from '../line';
import type { AtChannel } from './at-channel';
import { chooseVoiceMethod, parseClasses, parseLineModes, parseVoiceMethods } from './identify';
import { profileFor, type ModemProfile } from './modem-profiles';

const clean = (lines: string[]) =>
  lines
    .map((l) =>
      l
        .replace(/^\+(FMI|FMM|FMR|GMI|GMM|GMR):\s*/i, '')
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    )
    .filter(Boolean)
    .join(' ');

async function info(at: AtChannel, ...cmds: string[]): Promise<string> {
  for (const c of cmds) {
    const r = await at.command(c).catch(() => null);
    if (r?.final === 'OK' && r.lines.length) return clean(r.lines);
  }
  return '';
}

export async function identifyModem(
  at: AtChannel,
): Promise<{ profile: ModemProfile; identity: Omit<LineIdentity, 'callerIdCommand'> & { callerIdCommand: null } }> {
  // Echo off first: with E1 every answer starts with our own command (which the channel drops anyway).
  // Numeric results accepted: a modem that ignored what followed Z on the reset line is still in V0.
  await at.command('ATE0V1Q0', 3000, false, true);
  const ati0 = await info(at, 'ATI0');
  const ati3 = await info(at, 'ATI3');
  const manufacturer = await info(at, 'AT+FMI?', 'AT+GMI');
  const model = (await info(at, 'AT+FMM?', 'AT+GMM')) || ati3;
  const revision = await info(at, 'AT+FMR?', 'AT+GMR');
  const classesText = await info(at, 'AT+FCLASS=?');
  const classes = parseClasses(classesText);
  const profile = profileFor([ati0, ati3, manufacturer, model].join('\n'));
  let compressions: LineIdentity['compressions'] = [];
  let lineModes: LineIdentity['lineModes'] = [];
  const voice = classes.includes('8');
  if (voice) {
    await at.command('AT+FCLASS=8');
    const vsm = await at.command('AT+VSM=?').catch(() => null);
    compressions = parseVoiceMethods(vsm?.lines ?? []);
    const vls = await at.command('AT+VLS=?').catch(() => null);
    lineModes = parseLineModes(vls?.lines ?? []);
    await at.command('AT+FCLASS=0');
  }
  const chosen = chooseVoiceMethod(compressions);
  return {
    profile,
    identity: {
      manufacturer,
      model,
      revision,
      profile: profile.id,
      classes,
      voice,
      compressions,
      compression: chosen ? { id: chosen.method.id, name: chosen.method.name, rate: 8000 } : null,
      lineModes,
      callerIdCommand: null,
    },
  };
}
