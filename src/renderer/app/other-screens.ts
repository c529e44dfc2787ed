/**
 * Every screen but the phonebook, in one module so the build makes one chunk of them (see
 * lazy-screens.tsx): one request after the first paint rather than a wave of small chunks before it
 * (the browser opens at most six connections to the server at a time).
 */
export { AttendanceScreen } from '../attendance/attendance-screen';
export { AuditScreen } from '../audit/audit-screen';
export { CallsScreen } from '../calls/calls-screen';
export { DashboardScreen } from '../dashboard/dashboard-screen';
export { ChequesSection } from '../cheque-templates/cheques-section';
export { ChequesScreen } from '../cheques/cheques-screen';
export { FaxScreen } from '../fax/fax-screen';
export { FaxLogScreen } from '../fax/fax-log-screen';
export { FaxRoutesScreen } from '../fax/fax-routes-screen';
export { IvrScreen } from '../ivr/ivr-screen';
export { VoicemailInbox } from '../ivr/voicemail-inbox';
export { LinesScreen } from '../lines/lines-screen';
export { PeopleScreen } from '../people/people-screen';
export { RemindersScreen } from '../reminders/reminders-screen';
export { SettingsScreen } from '../settings/settings-screen';
