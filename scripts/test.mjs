// `npm test`: makes sure the machine has what the tests need, then runs type checks, lint, the unit
// and integration tests (Jest, real SQLite files) and the end-to-end tests (real Chromium).
// On Debian/Ubuntu as root it installs the system packages itself; elsewhere it names them and stops.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

// command → Debian package that provides it
const SYSTEM = {
  chromium: 'chromium', // end-to-end tests drive the real browser
  pdftoppm: 'poppler-utils', // PDFs are rasterised and read back
  pdftotext: 'poppler-utils',
  'hb-shape': 'libharfbuzz-bin', // the independent reference for Persian shaping
  vm: 'mgetty-voice', // vm and vgetty, run against the modem simulator
  pvftormd: 'mgetty-pvftools', // pvftormd/rmdtopvf/wavtopvf: the IMA ADPCM reference (a package of its own)
  'espeak-ng': 'espeak-ng', // prompts spoken from text (a Persian voice); optional for users
  tiffcp: 'libtiff-tools', // tiffcp/fax2tiff/tiffinfo: the reference the fax codec is compared with
  tifftopnm: 'netpbm', // decodes the fax pages' TIFF independently of libtiff's tools
  iaxmodem: 'iaxmodem', // two real software fax modems (spandsp) that our T.30 engine calls through
  efax: 'efax', // efax/efix: the independent fax program at the far end
  ip: 'iproute2', // brings up loopback in the iaxmodem pair's private network namespace
  exiftool: 'libimage-exiftool-perl', // writes the EXIF orientation of the fax pages' test photos
  exiftran: 'exiftran', // turns those photos upright by their tag: the reference the fax page is compared with
  kamailio: 'kamailio', // a real SIP server that SIP lines register with and call through
  baresip: 'baresip-core', // the independent SIP phone at the far end of SIP line tests
  sox: 'sox', // makes and reads the WAV files baresip plays and records
};
// files → Debian package, for what ships no command of its own
const FILES = {
  '/usr/lib/*/kamailio/modules/websocket.so': 'kamailio-websocket-modules', // Kamailio's WebSocket transport (sip.js's own)
};
const missing = [
  ...new Set([
    ...Object.entries(SYSTEM)
      .filter(([cmd]) => !has(cmd))
      .map(([, pkg]) => pkg),
    ...Object.entries(FILES)
      .filter(([glob]) => spawnSync('sh', ['-c', `ls ${glob}`], { stdio: 'ignore' }).status !== 0)
      .map(([, pkg]) => pkg),
  ]),
];
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && has('apt-get')) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing, 'fonts-noto-core'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(`The tests need these system packages: ${missing.join(' ')}\nOn Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
}

const installed = (file) => existsSync(`${root}node_modules/${file}`);
// electron.d.ts: the Electron shell is type-checked against the real electron package's types.
if (!installed('.package-lock.json') || !installed('better-sqlite3/build/Release/better_sqlite3.node') || !installed('electron/electron.d.ts')) {
  // Electron's binary cannot be downloaded on an offline machine; its package (with the type
  // definitions the shell is checked against) installs without it.
  run('npm', ['install', '--no-audit', '--no-fund'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
}

run('node', ['scripts/build.mjs']);
run('node', ['scripts/typecheck.mjs']); // every layer, the Electron shell included
run('npm', ['run', 'lint']);
// Fax over real software modems, in a Jest process of its own, beside the other runs: its calls go at
// the modems' real speed (about 150 s, 3 % of one core measured), so it waits alongside the CPU-bound
// runs instead of after them. Its output is kept and printed whole when it ends, not interleaved.
const modems = (() => {
  const args = ['jest', '--ci', '-c', 'jest.modems.config.js'];
  // Into a file, not a pipe: the runs below block this process (spawnSync), so nobody would drain a pipe.
  mkdirSync(`${root}test-results`, { recursive: true });
  const logFile = `${root}test-results/jest-modems.log`;
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [`${root}node_modules/jest/bin/jest.js`, ...args.slice(1)], { cwd: root, stdio: ['ignore', log, log] });
  const done = new Promise((resolve) => {
    child.on('error', (e) => resolve({ status: 1, out: e.message }));
    child.on('close', (status) => resolve({ status, out: readFileSync(logFile, 'utf8') }));
  });
  // Stopping npm test (Ctrl+C, or a failed run below) must not leave the modems' test running.
  process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'));
  return { args, done };
})();
// Three workers on two cores: Jest's default there is one process for every file, one after another, and
// the telephony and fax files spend over 90 % of their time waiting on real-time modem exchanges (vgetty
// 65 s wall for 4 s of CPU); three workers let that waiting overlap the files that compute.
run('npx', ['jest', '--ci', '--maxWorkers=3']);
// End-to-end files start their own servers on port 0 with their own data folders, so two run at once:
// most of a file's time is Chromium and the server waiting on each other, not both cores busy.
run('npx', ['jest', '--ci', '-c', 'jest.e2e.config.js', '--maxWorkers=2']);
const modemRun = await modems.done;
console.log(`\n$ npx ${modems.args.join(' ')}  (ran beside the others)\n${modemRun.out}`);
if (modemRun.status !== 0) process.exit(modemRun.status ?? 1);
console.log('\nAll tests passed.');
