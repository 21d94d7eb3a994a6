package org.sendscope.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The project's SQL files ({@code sql/} at the top of the repository), read from the class path. */
public final class SqlResources {
    private SqlResources() {
    }

    /** The names of the {@code .sql} files in one folder of {@code sql/}, sorted. */
    public static List<String> list(String folder) {
        URL url = SqlResources.class.getClassLoader().getResource("sql/" + folder);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return names(fs.getPath("sql", folder));
            }
            return names(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new WarehouseException("cannot list sql/" + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    /** The text of {@code sql/FOLDER/NAME}. */
    public static String read(String folder, String name) {
        String path = "sql/" + folder + "/" + name;
        try (InputStream in = SqlResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new WarehouseException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
