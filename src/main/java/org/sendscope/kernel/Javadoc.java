package org.sendscope.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The Javadoc shown on shift-tab, read from source (decision 0143): sendscope's own classes from
 * {@code src/main/java} of the checkout, Tablesaw's from its sources jar, which the build copies
 * to {@code target/sources} (read as text, never on a class path). JShell itself finds Javadoc
 * only in the JDK's {@code src.zip}, which a JRE-like install does not have.
 */
final class Javadoc {
    /** Packages a simple class name is looked up in, as the cells import them. */
    private static final List<String> PACKAGES = List.of("org.sendscope.kernel", "tech.tablesaw.api",
            "tech.tablesaw.table", "tech.tablesaw.columns", "tech.tablesaw.selection", "org.sendscope.analysis",
            "org.sendscope.warehouse");
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/\\s*((?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*)([^;{]*)",
            Pattern.DOTALL);

    private final Path home;
    private final Map<String, String> sources = new ConcurrentHashMap<>();

    Javadoc(Path home) {
        this.home = home;
    }

    /**
     * The Javadoc of what a JShell signature names, e.g. {@code Table Table.where(Selection selection)},
     * or {@code null} when no source has it.
     */
    String of(String signature) {
        int paren = signature.indexOf('(');
        String head = paren < 0 ? signature.strip() : signature.substring(0, paren).strip();
        String qualified = head.substring(head.lastIndexOf(' ') + 1);
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) return null;
        String type = qualified.substring(0, dot);
        String member = qualified.substring(dot + 1);
        int params = paren < 0 ? -1 : parameterCount(signature.substring(paren + 1, signature.lastIndexOf(')')));
        Class<?> c = resolve(type);
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            String doc = find(k, member, params);
            if (doc != null) return doc;
            for (Class<?> i : k.getInterfaces()) {
                doc = find(i, member, params);
                if (doc != null) return doc;
            }
        }
        return null;
    }

    private String find(Class<?> c, String member, int params) {
        String source = source(c);
        if (source == null) return null;
        Matcher m = COMMENT.matcher(source);
        Pattern declares = Pattern.compile("\\b" + Pattern.quote(member) + "\\s*\\(([^)]*)\\)");
        while (m.find()) {
            Matcher d = declares.matcher(m.group(3));
            if (d.find() && (params < 0 || parameterCount(d.group(1)) == params)) return clean(m.group(1));
        }
        return null;
    }

    private Class<?> resolve(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        List<String> names = new ArrayList<>();
        if (type.contains(".")) names.add(type);
        for (String p : PACKAGES) names.add(p + "." + simple);
        for (String n : names) {
            try {
                return Class.forName(n, false, Javadoc.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this package: try the next
            }
        }
        return null;
    }

    private String source(Class<?> c) {
        while (c.getEnclosingClass() != null) c = c.getEnclosingClass();
        String path = c.getName().replace('.', '/') + ".java";
        return sources.computeIfAbsent(path, this::read).transform(s -> s.isEmpty() ? null : s);
    }

    private String read(String path) {
        try {
            Path own = home.resolve("src/main/java").resolve(path);
            if (Files.isRegularFile(own)) return Files.readString(own);
            Path jars = home.resolve("target/sources");
            if (Files.isDirectory(jars)) {
                try (Stream<Path> s = Files.list(jars)) {
                    for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        try (ZipFile z = new ZipFile(jar.toFile())) {
                            var e = z.getEntry(path);
                            if (e == null) continue;
                            try (InputStream in = z.getInputStream(e)) {
                                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable source shows the signature alone
        }
        return "";
    }

    static int parameterCount(String params) {
        String p = params.strip();
        if (p.isEmpty()) return 0;
        int depth = 0;
        int n = 1;
        for (char ch : p.toCharArray()) {
            if (ch == '<') depth++;
            else if (ch == '>') depth--;
            else if (ch == ',' && depth == 0) n++;
        }
        return n;
    }

    /** The comment as text: no leading stars, {@code {@code x}} as x, paragraphs as blank lines, tags dropped. */
    static String clean(String comment) {
        StringBuilder b = new StringBuilder();
        for (String line : comment.split("\n")) {
            String l = line.strip();
            if (l.startsWith("*")) l = l.substring(1).strip();
            b.append(l).append('\n');
        }
        String t = b.toString()
                .replaceAll("\\{@(?:code|link|linkplain|literal|value)\\s+([^}]*)}", "$1")
                .replaceAll("(?i)<p>", "\n")
                .replaceAll("(?i)</?(pre|ul|ol|li|b|i|em|strong|code|tt)>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return t.replaceAll("\n{3,}", "\n\n").strip();
    }
}
