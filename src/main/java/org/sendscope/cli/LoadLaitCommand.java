package org.sendscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.ingest.InputLimits;
import org.sendscope.ingest.lait.LaitLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope load lait bds_long.parquet}: DfE's Local Authority Interactive Tool, all measures. */
@Command(name = "lait", mixinStandardHelpOptions = true,
        description = {"Load LAIT's long table (bds_long.parquet) with its data dictionary: every measure as "
                + "lait_<short description>, every Years label dated, areas as GSS codes.",
                "LA numbers get GSS codes from SEN2 release zips (--area-codes, else ../ehc-plans/*.zip beside the "
                        + "file's folder, else what the warehouse already knows)."})
public final class LoadLaitCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    ReplaceOption replace;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "LAIT long-format Parquet file(s).")
    List<Path> files;

    @Option(names = "--dictionary", paramLabel = "CSV",
            description = "LAIT data dictionary (default: lait_data_dictionary.csv beside the file).")
    Path dictionary;

    @Option(names = "--codes", paramLabel = "XLSX",
            description = "LAIT's LA code list: names and regions of the LAs, checked against the data "
                    + "(default: la_code_list.xlsx beside the file, if there).")
    Path codes;

    @Mixin
    AreaCodesOption areaCodes;

    @Option(names = "--vintage", description = "Release to record (default: the year the file's latest period ends).")
    String vintage;

    @Override
    public Integer call() {
        Loading.each(options, spec.commandLine().getOut(), files, f -> {
            InputLimits.requireFile(f, f.toString());
            Path dict = dictionary != null ? dictionary : beside(f, "lait_data_dictionary.csv");
            Path list = codes != null ? codes : optionalBeside(f, "la_code_list.xlsx");
            return new LaitLoader(dict, list, areaCodes.files(), vintage);
        });
        return 0;
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
