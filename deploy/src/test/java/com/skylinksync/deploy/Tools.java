package com.skylinksync.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Command-line tools the deploy tests run, found on the PATH. */
final class Tools {

    private Tools() {
    }

    /** The tool's path, or a failure that says in one line how to install it. */
    static String require(String tool, String install) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(tool + " is not on the PATH; install it: " + install);
    }
}
