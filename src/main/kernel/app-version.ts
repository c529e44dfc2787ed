/** Monshi's version, as the About line, the backups' manifests and the update patches name it. */
export const APP_VERSION = '0.1.0';
