package com.skylinksync.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A report as people read it (a table per category), as JSON, and as CSV (one row per difference, RFC 4180). */
public final class DriftReportFormat {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final List<String> COLUMNS = List.of("category", "entity", "entity_id", "magento_id", "fields", "retail_express",
            "magento", "healable", "heal", "reason");

    private DriftReportFormat() {
    }

    public static String json(DriftReport report) {
        return JSON.writeValueAsString(report);
    }

    public static DriftReport fromJson(String json) {
        return JSON.readValue(json, DriftReport.class);
    }

    public static String csv(DriftReport report) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (Drift item : report.items()) {
            List<String> row = List.of(item.category().label(), item.entity(), item.entityId(), nullToEmpty(item.magentoId()),
                    item.fields(), item.retailExpress(), item.magento(), String.valueOf(item.healable()),
                    item.heal() == null ? "" : item.heal().type() + ":" + item.heal().id(), nullToEmpty(item.reason()));
            out.append(String.join(",", row.stream().map(DriftReportFormat::csvField).toList())).append("\r\n");
        }
        return out.toString();
    }

    public static String table(DriftReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Drift report ").append(report.id()).append(" (").append(report.scope().label()).append(", channels ")
                .append(report.channels()).append(") ").append(report.startedAt()).append(" - ").append(report.finishedAt())
                .append(report.complete() ? "" : " INCOMPLETE: " + report.note()).append('\n');
        report.compared().forEach((scope, count) -> out.append("compared ").append(scope.label()).append(": ").append(count).append('\n'));
        out.append("RE calls ").append(report.retailExpressCalls()).append(", Magento reads ").append(report.magentoCalls()).append('\n');
        for (Map.Entry<DriftCategory, Integer> count : report.counts().entrySet()) {
            out.append(String.format("%-34s %6d%n", count.getKey().label(), count.getValue()));
        }
        if (report.items().isEmpty()) {
            return out.append("No drift.\n").toString();
        }
        out.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"CATEGORY", "ENTITY", "ID", "MAGENTO", "FIELDS", "RETAIL EXPRESS", "MAGENTO VALUE", "HEAL"});
        for (Drift item : report.items()) {
            rows.add(new String[]{item.category().label(), item.entity(), item.entityId(), nullToEmpty(item.magentoId()),
                    item.fields(), cut(item.retailExpress()), cut(item.magento()),
                    item.healable() ? "sync " + item.heal().type() + " " + item.heal().id() : "no: " + cut(item.reason())});
        }
        int[] widths = new int[rows.getFirst().length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
