package org.sendscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sendscope.ingest.InputLimits;
import org.sendscope.ingest.lait.LaitLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sendscope load lait bds_long.parquet}: DfE's Local Authority Interactive Tool, all measures. */
@Command(name = "lait", mixinStandardHelpOptions = true,
        description = {"Load LAIT's long table (bds_long.parquet) with its data dictionary: every measure as "
                + "lait_<short description>, every Years label dated, areas as GSS codes.",
                "LA numbers get GSS codes from the areas of the SEN2 releases loaded (load dfe-ehcp first)."})
public final class LoadLaitCommand extends LoadSubcommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "LAIT long-format Parquet file(s).")
    List<Path> files;

    @Option(names = "--dictionary", paramLabel = "CSV",
            description = "LAIT data dictionary (default: lait_data_dictionary.csv beside the file).")
    Path dictionary;

    @Option(names = "--codes", paramLabel = "XLSX",
            description = "LAIT's LA code list: names and regions of the LAs, checked against the data "
                    + "(default: la_code_list.xlsx beside the file, if there).")
    Path codes;

    @Option(names = "--vintage", description = "Release to record (default: the year the file's latest period ends).")
    String vintage;

    @Override
    public Integer call() {
        return loadEach(files, f -> {
            InputLimits.requireFile(f, f.toString());
            Path dict = dictionary != null ? dictionary : beside(f, "lait_data_dictionary.csv");
            Path list = codes != null ? codes : optionalBeside(f, "la_code_list.xlsx");
            return new LaitLoader(dict, list, vintage);
        });
    }

    private static Path optionalBeside(Path file, String name) {
        Path parent = file.toAbsolutePath().getParent();
        Path p = parent == null ? Path.of(name) : parent.resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    private static Path beside(Path file, String name) {
        Path parent = file.toAbsolutePath().getParent();
        Path p = parent == null ? Path.of(name) : parent.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new UserException("LAIT needs its data dictionary to date plain years and give polarity: no " + p
                    + "; pass --dictionary FILE");
        }
        return p;
    }
}
