package org.sendscope.report.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's npm step (.ci/web-packages): npm is not run when every pinned version is in place,
 * and is run with every package as soon as one version differs or one is missing; without npm the
 * build stops with a message saying what to install.
 */
class WebPackagesTest {
    private static final Path SCRIPT = Path.of(".ci/web-packages");

    @Test
    void thePinnedVersionsInPlaceRunNoNpm(@TempDir Path dir) throws Exception {
        manifest(dir, "govuk-frontend", "6.6.0");
        manifest(dir, "axe-core", "4.14.1");
        Result r = run(dir, true, "govuk-frontend@6.6.0", "axe-core@4.14.1");
        assertEquals(0, r.exit(), r.output());
        assertEquals("", r.output());
    }

    @Test
    void anotherVersionRunsNpmInstallForEveryPackage(@TempDir Path dir) throws Exception {
        manifest(dir, "govuk-frontend", "6.6.0");
        manifest(dir, "axe-core", "4.14.0");
        Result r = run(dir, true, "govuk-frontend@6.6.0", "axe-core@4.14.1");
        assertEquals(0, r.exit(), r.output());
        assertEquals("npm install --prefix " + dir + " --no-audit --no-fund --prefer-offline --silent "
                + "govuk-frontend@6.6.0 axe-core@4.14.1\n", r.output());
    }

    @Test
    void aMissingPackageWithoutNpmStopsTheBuild(@TempDir Path dir) throws Exception {
        Result r = run(dir, false, "govuk-frontend@6.6.0");
        assertEquals(1, r.exit(), r.output());
        assertEquals("the build needs npm to fetch govuk-frontend@6.6.0 into " + dir
                + ": sudo apt-get install --no-install-recommends npm\n", r.output());
    }

    private static void manifest(Path dir, String name, String version) throws IOException {
        Path p = dir.resolve("node_modules").resolve(name).resolve("package.json");
        Files.createDirectories(p.getParent());
        // as published: the package's version near the top, a script named "version" further down
        Files.writeString(p, "{\n  \"name\": \"" + name + "\",\n  \"version\": \"" + version
                + "\",\n  \"scripts\": {\n    \"version\": \"echo 1\"\n  }\n}\n");
    }

    private record Result(int exit, String output) {
    }

    /**
     * Runs the script with {@code npm} (when {@code withNpm}) a stand-in that prints how it was
     * called, first on the PATH; otherwise with a PATH on which there is no npm.
     */
    private static Result run(Path dir, boolean withNpm, String... packages) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String path = bin.toString();
        if (withNpm) {
            Path npm = bin.resolve("npm");
            Files.writeString(npm, "#!/bin/sh\necho npm \"$@\"\n");
            npm.toFile().setExecutable(true);
            path += ":/usr/bin:/bin";
        }
        String[] cmd = new String[packages.length + 3];
        cmd[0] = "/bin/bash";
        cmd[1] = SCRIPT.toString();
        cmd[2] = dir.toString();
        System.arraycopy(packages, 0, cmd, 3, packages.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", path);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
