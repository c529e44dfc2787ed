-- SIP lines (issue 17): a line may be the office's PBX or VoIP account ('sip') beside modems and the demo
-- line, with its server, user, transport, codecs, simultaneous calls and RTP port range. The password is
-- stored sealed (AES-256-GCM, src/main/kernel/secret-box.ts) under a key that is never in this file;
-- '' when there is none. SQLite cannot change a CHECK, so the table is rebuilt as it is with the wider
-- list: every column and row kept, ids unchanged (ivr_line_trees and the call log name lines by id).
CREATE TABLE lines_next (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('modem', 'sip', 'demo')),
  port TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  caller_id_mode TEXT NOT NULL DEFAULT 'auto' CHECK (caller_id_mode IN ('auto', 'formatted', 'unformatted', 'off')),
  rings_before_answer INTEGER NOT NULL DEFAULT 0,
  extra_init TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  record_calls INTEGER NOT NULL DEFAULT 0 CHECK (record_calls IN (0, 1)),
  fax_mode TEXT NOT NULL DEFAULT 'off' CHECK (fax_mode IN ('off', 'adaptive', 'fax-only', 'after-rings')),
  fax_rings INTEGER NOT NULL DEFAULT 4 CHECK (fax_rings BETWEEN 1 AND 20),
  sip_server TEXT NOT NULL DEFAULT '',
  sip_user TEXT NOT NULL DEFAULT '',
  sip_auth_user TEXT NOT NULL DEFAULT '',
  sip_display_name TEXT NOT NULL DEFAULT '',
  sip_transport TEXT NOT NULL DEFAULT 'udp' CHECK (sip_transport IN ('udp', 'tcp', 'ws', 'wss')),
  sip_outbound_proxy TEXT NOT NULL DEFAULT '',
  -- In the order offered, comma-separated: 'PCMU,PCMA'.
  sip_codecs TEXT NOT NULL DEFAULT 'PCMU,PCMA',
  sip_channels INTEGER NOT NULL DEFAULT 2 CHECK (sip_channels BETWEEN 1 AND 16),
  rtp_port_min INTEGER NOT NULL DEFAULT 10000,
  rtp_port_max INTEGER NOT NULL DEFAULT 20000,
  sip_password_sealed TEXT NOT NULL DEFAULT '',
  CHECK (rtp_port_min >= 1024 AND rtp_port_max <= 65535 AND rtp_port_min < rtp_port_max)
) STRICT;
INSERT INTO lines_next (id, name, kind, port, enabled, caller_id_mode, rings_before_answer, extra_init, created_at, record_calls, fax_mode, fax_rings)
  SELECT id, name, kind, port, enabled, caller_id_mode, rings_before_answer, extra_init, created_at, record_calls, fax_mode, fax_rings FROM lines;
DROP TABLE lines;
ALTER TABLE lines_next RENAME TO lines;
