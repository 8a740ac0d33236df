-- Revocation-list positions are drawn at random rather than in order (the Bitstring Status List's herd privacy:
-- a position says nothing about when or to whom a credential was issued). Each drawn position is reserved here.
CREATE TABLE credential.status_position (
    organisation_id uuid    NOT NULL,
    status_index    integer NOT NULL CHECK (status_index >= 0),
    PRIMARY KEY (organisation_id, status_index)
);
INSERT INTO credential.status_position (organisation_id, status_index)
SELECT organisation_id, status_index FROM credential.credential;
-- Positions handed out in order before this but not used by a stored credential stay reserved.
INSERT INTO credential.status_position (organisation_id, status_index)
SELECT s.organisation_id, g.i FROM credential.status_list s, generate_series(0, s.next_index - 1) AS g(i)
ON CONFLICT DO NOTHING;
DROP TABLE credential.status_list;
