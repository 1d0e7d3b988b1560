-- Acknowledgements told to RE at most once (README, "Acknowledgements").
-- ack_holder: the claim's fencing token, drawn afresh by each claim; the holder heartbeats ack_claimed_at while it
-- works and sends only while the claim is still its own. ack_sent_at: set in the same fenced UPDATE just before
-- ChangeSetProcessed leaves, cleared when RE answered that it did not take it; still set after the lease means the
-- holder stopped between sending and recording RE's answer, so the outcome is unknown.
-- ACKNOWLEDGEMENT_PARKED: ChangeSetProcessed was sent and its outcome is unknown; not resent blindly, an operator
-- resolves it (RE has it, or send it again).
ALTER TABLE change_set ADD COLUMN ack_holder uuid, ADD COLUMN ack_sent_at timestamptz;
ALTER TABLE change_set DROP CONSTRAINT change_set_status_check;
ALTER TABLE change_set ADD CONSTRAINT change_set_status_check
    CHECK (status IN ('OPEN', 'ACKNOWLEDGING', 'ACKNOWLEDGED', 'ACKNOWLEDGED_WITH_FAILURES', 'ACKNOWLEDGEMENT_PARKED'));
