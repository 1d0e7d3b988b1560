package com.skylinksync.sandbox.chaos;

import java.util.List;

/**
 * The outcome of a chaos run: one row per check. A run passes only when every check does; a failed check names the
 * entities that violate it.
 */
public record ChaosReport(List<Check> checks) {

    /**
     * @param name       what is checked ("change sets acknowledged exactly once", ...)
     * @param expected   what a correct system gives ("10,412", "0")
     * @param found      what this run gave
     * @param passed     whether found is what was expected
     * @param violations the entities (or change sets, writes) that break it, at most a few dozen named
     */
    public record Check(String name, String expected, String found, boolean passed, List<String> violations) {
        public Check {
            violations = List.copyOf(violations);
        }
    }

    public ChaosReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The report as a plain-text table (check, expected, found, result), violations listed under a failed row. */
    public String table() {
        int width = Math.max(5, checks.stream().mapToInt(c -> c.name().length()).max().orElse(5));
        int expectedWidth = Math.max(8, checks.stream().mapToInt(c -> c.expected().length()).max().orElse(8));
        int foundWidth = Math.max(5, checks.stream().mapToInt(c -> c.found().length()).max().orElse(5));
        String row = "| %-" + width + "s | %-" + expectedWidth + "s | %-" + foundWidth + "s | %-6s |%n";
        var table = new StringBuilder();
        table.append(String.format(row, "check", "expected", "found", "result"));
        table.append(String.format(row, "-".repeat(width), "-".repeat(expectedWidth), "-".repeat(foundWidth), "------"));
        for (Check check : checks) {
            table.append(String.format(row, check.name(), check.expected(), check.found(), check.passed() ? "pass" : "FAIL"));
            check.violations().forEach(v -> table.append("    ").append(v).append(System.lineSeparator()));
        }
        return table.toString();
    }
}
