/** What the engine uses of src/telephony. */
export * from './line';
export type { Transport, TransportFactory, Timers } from './transport';
export { realTimers } from './transport';
export { createVoiceModemLine, type VoiceModemLineOptions } from './modem/voice-modem.line';
export { serialTransport, listSerialPorts, type SerialPortInfo } from './modem/serial.transport';
export { MODEM_PROFILES } from './modem/modem-profiles';
export { probeModem, type ProbeResult } from './modem/probe';
export { createDemoLine } from './demo-line';
export { ModemSimulator, type SimIncomingCall, type SimOptions, type SimRemote } from './sim/modem-sim';
export { serveSimulatorOnPty, type PtyServer } from './sim/serve-pty';
export { createSimTransport } from './sim/sim.transport';
export { SIM_PROFILE_IDS, type SimProfileId } from './sim/sim-profiles';
export type { SimCallerIdFormat } from './sim/sim-callerid';
