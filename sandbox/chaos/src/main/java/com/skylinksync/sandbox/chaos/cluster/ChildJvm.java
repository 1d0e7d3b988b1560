package com.skylinksync.sandbox.chaos.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How a child JVM of the cluster is launched: this JVM's {@code java}, the given JVM options, this JVM's class path
 * (written once to an argument file, so {@code ps} stays readable and no command line nears the kernel's limit),
 * then {@link TetheredMain} running the real main class.
 *
 * <p>The children's class path is this JVM's without the chaos module's own class directories (the services need
 * none of it), and with {@link TetheredMain} in a small jar of its own: a class-data archive (AppCDS) can only be
 * written for a class path of jars.
 *
 * @param java          the {@code java} executable
 * @param classpathArgs the argument file holding {@code -cp <class path>}
 */
record ChildJvm(Path java, Path classpathArgs) {

    static ChildJvm ofThisJvm(Path workDir) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path argFile = workDir.resolve("classpath.args");
        try {
            Files.createDirectories(workDir);
            Path tether = tetherJar(workDir.resolve("tether.jar"));
            Path ownBuild = ownBuildDirectory();
            Stream<String> inherited = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> ownBuild == null || !Path.of(entry).toAbsolutePath().startsWith(ownBuild));
            String classpath = String.join(File.pathSeparator, Stream.concat(Stream.of(tether.toString()), inherited).toList());
            // An argument file's values are quoted, so a path with spaces survives; backslashes are its escapes.
            Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + argFile, e);
        }
        return new ChildJvm(java, argFile);
    }

    /** A process builder for {@code mainClass} with {@code args}, its output appended to {@code log}. */
    ProcessBuilder launch(List<String> jvmOptions, String mainClass, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-D" + TetheredMain.HARNESS_PID + "=" + ProcessHandle.current().pid());
        command.add("@" + classpathArgs);
        command.add(TetheredMain.class.getName());
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** The chaos module's {@code target} when it runs from its class directories (tests, {@code ./chaos}), else null. */
    private static Path ownBuildDirectory() {
        try {
            Path location = Path.of(TetheredMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(location) ? location.toAbsolutePath().getParent() : null;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Written only when its class changed: a rewritten jar (new mtime) would invalidate every archive. */
    private static Path tetherJar(Path jar) throws IOException {
        String entry = TetheredMain.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream clazz = TetheredMain.class.getClassLoader().getResourceAsStream(entry)) {
            if (clazz == null) {
                throw new IllegalStateException("Cannot read " + entry);
            }
            bytes = clazz.readAllBytes();
        }
        if (Files.exists(jar)) {
            try (var existing = new JarFile(jar.toFile())) {
                JarEntry held = existing.getJarEntry(entry);
                if (held != null && Arrays.equals(existing.getInputStream(held).readAllBytes(), bytes)) {
                    return jar;
                }
            } catch (IOException unreadable) {
                // Written again below.
            }
        }
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            out.write(bytes);
            out.closeEntry();
        }
        return jar;
    }
}
