-- How a line treats fax calls (issue 16). 'off': voice only. 'adaptive': voice answers (the IVR,
-- voicemail, a recording) and a fax machine's calling tone switches the call to fax. 'fax-only': every
-- call is answered as fax at ring fax_rings. 'after-rings': answered as fax at ring fax_rings when the
-- line's voice answering has not taken the call by then.
ALTER TABLE lines ADD COLUMN fax_mode TEXT NOT NULL DEFAULT 'off' CHECK (fax_mode IN ('off', 'adaptive', 'fax-only', 'after-rings'));
ALTER TABLE lines ADD COLUMN fax_rings INTEGER NOT NULL DEFAULT 4 CHECK (fax_rings BETWEEN 1 AND 20);
