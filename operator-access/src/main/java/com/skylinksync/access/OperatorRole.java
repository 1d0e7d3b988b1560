package com.skylinksync.access;

/** What an operator credential allows. */
public enum OperatorRole {
    /** Reads: change sets, entity status, bulk runs, dead letters, parked, lag, budget, the console's views. */
    READ_ONLY,
    /** Reads and actions: start or cancel a bulk run, redrive, resolve a parked write, replay, pause and resume. */
    OPERATOR;

    public boolean allows(OperatorRole needed) {
        return this == OPERATOR || needed == READ_ONLY;
    }
}
