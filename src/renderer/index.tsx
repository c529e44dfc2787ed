/** Renderer entry: picks the Electron bridge or the WebSocket, then draws the app. */
import './lib/zod-no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/root';
import { createConnection } from './connection/create-connection';
import 'react-day-picker/style.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/phonebook.css';
import './styles/backup.css';
import './styles/forms.css';
import './styles/dialogs.css';
import './styles/audit.css';
import './styles/duplicates.css';
import './styles/pdf-viewer.css';
import './styles/calls.css';
import './styles/call-reports.css';
import './styles/callbacks.css';
import './styles/followups.css';
import './styles/dashboard.css';
import './styles/lines.css';
import './styles/fax.css';
import './styles/ivr.css';
import './styles/ivr-runs.css';
import './styles/recordings.css';
import './styles/popup.css';
import './styles/reminders.css';
import './styles/cheque-templates.css';
import './styles/people.css';
import './styles/cheques.css';
import './styles/accounts.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const conn = createConnection();
createRoot(container).render(
  <StrictMode>
    <Root conn={conn} />
  </StrictMode>,
);
