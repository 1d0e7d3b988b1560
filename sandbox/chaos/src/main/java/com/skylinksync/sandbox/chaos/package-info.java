/**
 * The chaos suite: the system run as separate processes on this machine, a seeded workload driven through EDS, the
 * simulators' admin APIs and Magento, injected faults, SIGKILLs and a broker restart, then the checks that nothing was
 * lost or duplicated. See the module's README.
 */
package com.skylinksync.sandbox.chaos;
