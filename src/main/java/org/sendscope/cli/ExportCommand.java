package org.sendscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sendscope export parquet DIR}: every public view as a Parquet file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export every public view as Parquet: sendscope export parquet DIR")
public final class ExportCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "FORMAT", description = "parquet")
    String format;
    @Parameters(index = "1", paramLabel = "DIR", description = "Folder to write <view>.parquet files into.")
    Path dir;

    @Override
    public Integer call() throws IOException, SQLException {
        if (!"parquet".equalsIgnoreCase(format)) throw new UserException("only 'parquet' export is supported, not '" + format + "'");
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException(dir + " is a file, not a folder: export writes one <view>.parquet per view into a "
                    + "folder; give a folder (it is created if missing)");
        }
        Files.createDirectories(dir);
        PrintWriter out = out();
        // Read-only (the warehouse is neither copied nor locked), but allowed to write the Parquet files.
        try (Warehouse w = Warehouse.openForExport(options.existing())) {
            List<String> views = PublicViews.names(w);
            for (String v : views) {
                Path f = dir.resolve(v + ".parquet").toAbsolutePath();
                long n = w.count("SELECT count(*) FROM " + v);
                w.execute("COPY (SELECT * FROM " + v + ") TO '" + f.toString().replace("'", "''")
                        + "' (FORMAT parquet)");
                out.printf("%-32s %,10d rows  %s%n", v, n, f);
            }
        }
        return 0;
    }
}
