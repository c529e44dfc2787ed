/**
 * `monshi sim`: the modem simulator on a pseudo-terminal. It prints the port path to give to Monshi
 * (Lines → add a modem line) or to any modem software (vgetty, NCID), then takes simulator commands
 * from a script (--script) and from the keyboard, one per line (see src/telephony/sim/sim-script.ts).
 */
import { readFileSync } from 'node:fs';
import readline from 'node:readline';
import { ModemSimulator, SIM_PROFILE_IDS, realTimers, serveSimulatorOnPty, type SimProfileId } from '../telephony';
import { parseSimScript, runSimScript, SimScriptError } from '../telephony/sim/sim-script';

export async function simCommand(opts: { profile?: string; script?: string; ring?: string }): Promise<number> {
  const profile = (opts.profile ?? 'conexant') as SimProfileId;
  if (!SIM_PROFILE_IDS.includes(profile)) {
    console.error(`Unknown profile "${profile}"; one of: ${SIM_PROFILE_IDS.join(', ')}`);
    return 2;
  }
  const sim = new ModemSimulator({ profile });
  let server;
  try {
    server = await serveSimulatorOnPty(sim);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
  server.onPath((p) => console.log(`The simulated modem is at ${p}`));
  console.log(`Simulated ${sim.profile.label} at ${server.path()}`);
  console.log(
    'Commands: ring NUMBER [name="…"] [format=mdmf|sdmf|formatted-nospace|dtmf|private|none] [rings=N] [before-first-ring] · keys 123 · hangup · remote ' +
      'answer|busy|no-answer · unplug · replug · freeze · thaw · reset · no-carrier · handset up|down · extension up|down · quit',
  );
  const run = async (text: string) => {
    try {
      await runSimScript(sim, parseSimScript(text), realTimers);
    } catch (e) {
      console.error(e instanceof SimScriptError ? e.message : String(e));
    }
  };
  if (opts.script) await run(readFileSync(opts.script, 'utf8'));
  if (opts.ring) await run(`ring ${opts.ring}`);
  const rl = readline.createInterface({ input: process.stdin });
  return new Promise((resolve) => {
    const stop = async () => {
      rl.close();
      await server.close();
      sim.close();
      resolve(0);
    };
    rl.on('line', (l) => (l.trim() === 'quit' ? void stop() : void run(l)));
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  });
}
