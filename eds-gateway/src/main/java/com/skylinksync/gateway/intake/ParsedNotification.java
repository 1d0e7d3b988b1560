package com.skylinksync.gateway.intake;

import com.skylinksync.gateway.changesets.NewChangeSet;
import java.util.List;

/**
 * A notification body, validated and routed.
 *
 * @param changeSets   its distinct change sets
 * @param ignoredTypes EDS types it named that the gateway does not know (recorded as IGNORED), once each
 */
record ParsedNotification(List<NewChangeSet> changeSets, List<String> ignoredTypes) {
}
