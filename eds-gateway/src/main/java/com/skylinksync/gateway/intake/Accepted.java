package com.skylinksync.gateway.intake;

/**
 * The answer for one change set of a notification.
 *
 * @param changeSetId the change set (RE's id, or the derived one)
 * @param status      201 registered by this request, 202 already registered
 * @param entities    how many distinct entities it holds
 */
record Accepted(String changeSetId, int status, int entities) {
}
