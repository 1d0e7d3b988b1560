package com.skylinksync.ops;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** A plain-text table for people: named columns read from JSON objects, widths fitted to the values. */
final class Table {

    private record Column(String title, Function<JsonNode, String> value) {
    }

    private final List<Column> columns = new ArrayList<>();

    Table column(String title, String field) {
        columns.add(new Column(title, row -> text(row.path(field))));
        return this;
    }

    Table column(String title, Function<JsonNode, String> value) {
        columns.add(new Column(title, value));
        return this;
    }

    void print(PrintWriter out, Iterable<JsonNode> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns.stream().map(Column::title).toArray(String[]::new));
        for (JsonNode row : rows) {
            cells.add(columns.stream().map(c -> c.value().apply(row)).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == 0 ? "" : "  ").append(i == line.length - 1 ? line[i] : pad(line[i], widths[i]));
            }
            out.println(text.toString().stripTrailing());
        }
        out.flush();
    }

    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "-";
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
