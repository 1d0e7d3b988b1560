package com.skylinksync.sandbox.retailexpress;

/** What became of one SOAP call the simulator received. */
public enum CallOutcome {
    /** Answered by the operation. */
    OK,
    /** Refused for its ClientHeader (bad client id or credentials). */
    REJECTED,
    /** Refused with RE's throttle fault: past a budget window, or an injected throttle. */
    THROTTLED,
    /** An injected fault: a 5xx, a timeout (no answer) or a malformed body. */
    FAULT
}
