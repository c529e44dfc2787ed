-- How a line that carries several calls at once handles them (issue 17), apart from the line's own row so
-- the line form's fields and these merge separately. No row = the defaults: the IVR answers as many
-- callers as the line has channels (ivr_at_once 0), and a call recording keeps both sides as two channels.
CREATE TABLE line_call_settings (
  line_id INTEGER PRIMARY KEY REFERENCES lines (id) ON DELETE CASCADE,
  -- At most this many callers in the IVR at once on the line; 0 = as many as the line's channels.
  ivr_at_once INTEGER NOT NULL DEFAULT 0 CHECK (ivr_at_once >= 0 AND ivr_at_once <= 64),
  -- 'stereo': the caller on the left, the office on the right; 'mixed': both in one mono channel.
  record_sides TEXT NOT NULL DEFAULT 'stereo' CHECK (record_sides IN ('stereo', 'mixed'))
) STRICT;
